import type { SnmpInterfaceCounters } from '../../contract/snmp';

const TWO_32 = 1n << 32n;

/** One poll of one device, as far as rates are concerned. */
export interface CounterSnapshot {
  at: number;
  uptimeCs: number | null;
  counters: SnmpInterfaceCounters[];
}

export interface InterfaceRates {
  index: number;
  inBps: number | null;
  outBps: number | null;
  inErrorsPerSec: number | null;
  outErrorsPerSec: number | null;
  inDiscardsPerSec: number | null;
  outDiscardsPerSec: number | null;
  /** The busier direction against the interface speed; null when the speed is unknown. */
  utilizationPct: number | null;
}

export type RatesOutcome =
  | { kind: 'rates'; rates: InterfaceRates[] }
  /** The agent restarted (sysUpTime went back): counters start again, no rate this round. */
  | { kind: 'reset'; reason: 'reboot' }
  | { kind: 'reset'; reason: 'no-interval' };

/**
 * The increase of a counter between two readings. A 32-bit counter that went down wrapped once;
 * a 64-bit one that went down was reset (it cannot wrap in any realistic interval), so no delta.
 */
export function counterDelta(previous: string | null, current: string | null, bits: 32 | 64): bigint | null {
  if (previous === null || current === null) return null;
  const before = BigInt(previous);
  const after = BigInt(current);
  if (after >= before) return after - before;
  return bits === 32 ? after + TWO_32 - before : null;
}

function perSecond(delta: bigint | null, seconds: number, factor = 1): number | null {
  return delta === null ? null : (Number(delta) * factor) / seconds;
}

/**
 * Rates between two polls of the same device. A rate faster than the interface can carry (with
 * 10 % slack) is a discontinuity — a counter reset the agent did not announce — and is dropped
 * rather than drawn as a spike.
 */
export function computeRates(
  previous: CounterSnapshot,
  current: CounterSnapshot,
  speedMbpsByIndex: ReadonlyMap<number, number>,
): RatesOutcome {
  if (previous.uptimeCs !== null && current.uptimeCs !== null && current.uptimeCs < previous.uptimeCs) {
    return { kind: 'reset', reason: 'reboot' };
  }
  const seconds = (current.at - previous.at) / 1000;
  if (seconds <= 0) return { kind: 'reset', reason: 'no-interval' };

  const before = new Map(previous.counters.map((row) => [row.index, row]));
  const rates: InterfaceRates[] = [];
  for (const now of current.counters) {
    const then = before.get(now.index);
    if (!then) continue;
    const octetBits = now.hc && then.hc ? 64 : 32;
    const speedBps = (speedMbpsByIndex.get(now.index) ?? 0) * 1e6;
    const plausible = (bps: number | null): number | null =>
      bps !== null && speedBps > 0 && bps > speedBps * 1.1 ? null : bps;
    const inBps = plausible(perSecond(counterDelta(then.inOctets, now.inOctets, octetBits), seconds, 8));
    const outBps = plausible(perSecond(counterDelta(then.outOctets, now.outOctets, octetBits), seconds, 8));
    // With one direction unknown the busier one is unknown too.
    const busiest = inBps === null || outBps === null ? null : Math.max(inBps, outBps);
    rates.push({
      index: now.index,
      inBps,
      outBps,
      inErrorsPerSec: perSecond(counterDelta(then.inErrors, now.inErrors, 32), seconds),
      outErrorsPerSec: perSecond(counterDelta(then.outErrors, now.outErrors, 32), seconds),
      inDiscardsPerSec: perSecond(counterDelta(then.inDiscards, now.inDiscards, 32), seconds),
      outDiscardsPerSec: perSecond(counterDelta(then.outDiscards, now.outDiscards, 32), seconds),
      utilizationPct: speedBps > 0 && busiest !== null ? Math.min(100, (busiest / speedBps) * 100) : null,
    });
  }
  return { kind: 'rates', rates };
}
