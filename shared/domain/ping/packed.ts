import type { PackedPingResults, PackedPingTargets, PingResult, PingTarget } from '../../contract/pinger';
import { lossPct } from './summarize';

/** Targets as columns for the pinger worker (see PackedPingTargets). */
export function packTargets(targets: readonly PingTarget[]): PackedPingTargets {
  const ids = new Int32Array(targets.length);
  const towerIds = new Int32Array(targets.length);
  const hosts = new Array<string>(targets.length);
  targets.forEach((target, i) => {
    ids[i] = target.id;
    towerIds[i] = target.towerId ?? 0;
    hosts[i] = target.host;
  });
  return { ids, towerIds, hosts };
}

export function unpackTargets({ ids, towerIds, hosts }: PackedPingTargets): PingTarget[] {
  return hosts.map((host, i) => ({ id: ids[i]!, host, towerId: towerIds[i]! === 0 ? null : towerIds[i]! }));
}

/** One run's results, in the targets' order, as columns (see PackedPingResults). */
export function packResults(results: readonly PingResult[]): PackedPingResults {
  const count = results.length;
  const packed: PackedPingResults = {
    sent: new Uint8Array(count),
    received: new Uint8Array(count),
    minMs: new Float64Array(count),
    avgMs: new Float64Array(count),
    maxMs: new Float64Array(count),
    jitterMs: new Float64Array(count),
    errors: [],
  };
  results.forEach((result, i) => {
    packed.sent[i] = result.sent;
    packed.received[i] = result.received;
    packed.minMs[i] = result.minMs ?? NaN;
    packed.avgMs[i] = result.avgMs ?? NaN;
    packed.maxMs[i] = result.maxMs ?? NaN;
    packed.jitterMs[i] = result.jitterMs ?? NaN;
    if (result.error !== null) packed.errors.push({ index: i, message: result.error });
  });
  return packed;
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * The results of `targets`, from columns in the same order; throws when the worker answered for
 * another number of targets (a result must never be given to the wrong device).
 */
export function unpackResults(targets: readonly PingTarget[], packed: PackedPingResults): PingResult[] {
  if (packed.sent.length !== targets.length)
    throw new Error(`the pinger answered ${packed.sent.length} results for ${targets.length} targets`);
  const errors = new Map(packed.errors.map(({ index, message }) => [index, message]));
  return targets.map((target, i) => {
    const sent = packed.sent[i]!;
    const received = packed.received[i]!;
    return {
      id: target.id,
      sent,
      received,
      lossPct: lossPct(sent, received),
      minMs: orNull(packed.minMs[i]!),
      avgMs: orNull(packed.avgMs[i]!),
      maxMs: orNull(packed.maxMs[i]!),
      jitterMs: orNull(packed.jitterMs[i]!),
      error: errors.get(i) ?? null,
    };
  });
}
