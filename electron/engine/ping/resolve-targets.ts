import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { PingTarget } from '../../../shared/contract/pinger';

export interface ResolvedTarget {
  target: PingTarget;
  address: string;
  family: 4 | 6;
}

export interface Resolution {
  resolved: ResolvedTarget[];
  /** Targets that cannot be pinged, with the reason shown on their device. */
  rejected: { id: number; error: string }[];
}

const LOOKUP_CONCURRENCY = 32;

async function addressOf(host: string): Promise<{ address: string; family: 4 | 6 } | string> {
  const literal = host.replace(/^\[|\]$/g, '');
  const family = isIP(literal);
  if (family === 4 || family === 6) return { address: literal, family };
  if (!/^[A-Za-z0-9.-]+$/.test(host) || /^[\d.]+$/.test(host)) return `invalid address "${host}"`;
  try {
    const found = await lookup(host);
    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  } catch (error) {
    return `cannot resolve "${host}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

/**
 * Turns hosts into addresses: literals as they are, names through the system resolver. An
 * invalid, unresolvable or duplicate address (two devices on one address) is reported on the
 * device instead of being pinged.
 */
export async function resolveTargets(targets: PingTarget[]): Promise<Resolution> {
  const answers = new Array<Awaited<ReturnType<typeof addressOf>>>(targets.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++;
      answers[i] = await addressOf(targets[i]!.host);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, targets.length) }, lane));

  const owner = new Map<string, number>();
  const resolution: Resolution = { resolved: [], rejected: [] };
  targets.forEach((target, i) => {
    const answer = answers[i]!;
    if (typeof answer === 'string') {
      resolution.rejected.push({ id: target.id, error: answer });
      return;
    }
    const first = owner.get(answer.address);
    if (first !== undefined) {
      resolution.rejected.push({
        id: target.id,
        error: `duplicate address ${answer.address}: already used by device ${first}`,
      });
      return;
    }
    owner.set(answer.address, target.id);
    resolution.resolved.push({ target, ...answer });
  });
  return resolution;
}
