import { describe, expect, it } from 'vitest';
import { PackedPingResults, PackedPingTargets, type PingResult } from '../../../../../shared/contract/pinger';
import {
  packResults,
  packTargets,
  unpackResults,
  unpackTargets,
} from '../../../../../shared/domain/ping/packed';
import { summarize } from '../../../../../shared/domain/ping/summarize';

const targets = [
  { id: 7, host: '10.0.0.7', towerId: 3 },
  { id: 9, host: 'olt.example', towerId: null },
  { id: 12, host: 'fe80::1', towerId: 3 },
];

describe('packed ping targets', () => {
  it('cross as columns and come back as the same targets', () => {
    const packed = packTargets(targets);
    expect([...packed.ids]).toEqual([7, 9, 12]);
    expect([...packed.towerIds]).toEqual([3, 0, 3]);
    expect(PackedPingTargets.parse(packed)).toEqual(packed);
    expect(unpackTargets(packed)).toEqual(targets);
  });

  it('are refused with columns of different lengths or an invalid target', () => {
    const packed = packTargets(targets);
    expect(PackedPingTargets.safeParse({ ...packed, ids: packed.ids.subarray(1) }).success).toBe(false);
    expect(PackedPingTargets.safeParse({ ...packed, hosts: ['a', '', 'c'] }).success).toBe(false);
    expect(PackedPingTargets.safeParse({ ...packed, ids: Int32Array.of(7, 0, 12) }).success).toBe(false);
    expect(PackedPingTargets.safeParse({ ...packed, ids: [7, 9, 12] }).success).toBe(false);
  });
});

describe('packed ping results', () => {
  const results: PingResult[] = [
    summarize(7, 3, [1.5, 2.25, 1.75]),
    summarize(9, 3, []),
    summarize(12, 0, [], 'cannot send to fe80::1: Network is unreachable'),
    summarize(13, 2, [0.5]),
  ];
  const order = [...targets, { id: 13, host: '10.0.0.13', towerId: null }];

  it('come back as the results the pinger summarized, errors included', () => {
    const packed = packResults(results);
    expect(PackedPingResults.parse(packed)).toEqual(packed);
    expect(packed.errors).toEqual([{ index: 2, message: 'cannot send to fe80::1: Network is unreachable' }]);
    expect(unpackResults(order, packed)).toEqual(results);
    expect(unpackResults(order, packed)[0]).toEqual({
      id: 7,
      sent: 3,
      received: 3,
      lossPct: 0,
      minMs: 1.5,
      avgMs: 1.833,
      maxMs: 2.25,
      jitterMs: 0.625,
      error: null,
    });
  });

  it('are never given to another number of targets', () => {
    expect(() => unpackResults(order.slice(1), packResults(results))).toThrow(
      'the pinger answered 4 results for 3 targets',
    );
  });

  it('are refused when a column is short or a row contradicts itself', () => {
    const good = packResults(results);
    const refused = (change: Partial<PackedPingResults>) =>
      PackedPingResults.safeParse({ ...good, ...change }).success === false;
    expect(refused({ jitterMs: good.jitterMs.subarray(1) })).toBe(true);
    expect(refused({ received: Uint8Array.of(3, 4, 0, 1) })).toBe(true);
    expect(refused({ minMs: Float64Array.of(1.5, 0.4, NaN, 0.5) })).toBe(true);
    expect(refused({ avgMs: Float64Array.of(NaN, NaN, NaN, 0.5) })).toBe(true);
    expect(refused({ maxMs: Float64Array.of(-1, NaN, NaN, 0.5) })).toBe(true);
    expect(refused({ errors: [{ index: 4, message: 'x' }] })).toBe(true);
    expect(refused({})).toBe(false);
  });
});
