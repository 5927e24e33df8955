/**
 * Why a real-peer suite cannot run on this machine, passed on for `describe.skipIf`. On CI a
 * missing privilege or peer is a failure that says why: a skipped suite there would pass without
 * having run. Elsewhere (a developer without root) the suite skips, saying so.
 */
export function skipOnlyOffCi(suite: string, reason: string | null): string | null {
  if (reason === null) return null;
  if (process.env.CI) throw new Error(`${suite} cannot run on CI: ${reason}`);
  console.warn(`SKIPPED ${suite}: ${reason}`);
  return reason;
}
