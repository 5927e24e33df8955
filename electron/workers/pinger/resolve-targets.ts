import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { PingTarget } from '../../../shared/contract/pinger';

export interface ResolvedTarget {
  target: PingTarget;
  address: string;
  family: 4 | 6;
}

/** Per target, in the order given: where to ping it, or why it cannot be pinged. */
export type Resolution = ResolvedTarget | { target: PingTarget; error: string };

const LOOKUP_CONCURRENCY = 32;
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

type Answer = { address: string; family: 4 | 6 } | string;

/** An address literal as is, an invalid host as its error, or undefined for a name to look up. */
function literalOf(host: string): Answer | undefined {
  // Only a bracketed IPv6 literal needs unwrapping: most hosts skip the regular expression.
  const literal = host.startsWith('[') ? host.replace(/^\[(.*)\]$/, '$1') : host;
  const family = isIP(literal);
  if (family === 4 || family === 6) return { address: literal, family };
  // "999.1.1.1" or "10.0.1" are mistyped addresses, not names to ask the resolver about.
  if (!HOSTNAME.test(host) || /^[\d.]+$/.test(host)) return `invalid address "${host}"`;
  return undefined;
}

async function lookupName(host: string): Promise<Answer> {
  try {
    const found = await lookup(host);
    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  } catch (error) {
    return `cannot resolve "${host}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

/**
 * Turns hosts into addresses: literals as they are, names through the system resolver a few at a
 * time. An invalid, unresolvable or duplicate address (two devices on one address) is reported on
 * its device instead of being pinged.
 */
export async function resolveTargets(targets: PingTarget[]): Promise<Resolution[]> {
  const answers = targets.map((target) => literalOf(target.host));
  const names = answers.flatMap((answer, i) => (answer === undefined ? [i] : []));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < names.length) {
      const i = names[next++]!;
      answers[i] = await lookupName(targets[i]!.host);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, names.length) }, lane));

  const owner = new Map<string, number>();
  return targets.map((target, i): Resolution => {
    const answer = answers[i]!;
    if (typeof answer === 'string') return { target, error: answer };
    const first = owner.get(answer.address);
    if (first !== undefined)
      return { target, error: `duplicate address ${answer.address}: already used by device ${first}` };
    owner.set(answer.address, target.id);
    return { target, address: answer.address, family: answer.family };
  });
}
