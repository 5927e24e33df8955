// Apart from shared/domain/optical/nms-time.ts: the contract checks zones with Intl alone, so the UI's bundle needs no date library.

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
