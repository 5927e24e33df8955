import { describe, expect, it } from 'vitest';
import {
  holderToken,
  instanceOf,
  leaseTimings,
  mayLead,
  nextRoundMs,
  selfFenced,
} from '../../../../../shared/domain/cluster/lease';

describe('poller leases', () => {
  it('last 1.5 ICMP critical cycles, renewed four times per cycle, self-fenced at 80 %', () => {
    expect(leaseTimings(15_000)).toEqual({ ttlMs: 22_500, renewMs: 3_750, selfFenceMs: 18_000 });
    // A mis-set interval never turns renewals into a busy loop.
    expect(leaseTimings(10)).toEqual({ ttlMs: 1_000, renewMs: 250, selfFenceMs: 800 });
  });

  it('are tried again right when the lease found runs out, else at the renewal period', () => {
    const timings = leaseTimings(5_000);
    expect(nextRoundMs(timings, [])).toBe(1_250);
    // A live leader's lease, renewed four times per cycle, is never that close to running out.
    expect(nextRoundMs(timings, [6_400])).toBe(1_250);
    expect(nextRoundMs(timings, [6_400, 730])).toBe(730);
    // Found expired (someone else was quicker) or about to: soon, but never a busy loop.
    expect(nextRoundMs(timings, [3])).toBe(20);
    expect(nextRoundMs(timings, [-40])).toBe(20);
  });

  it('are taken by any instance, or only by those a group is pinned to', () => {
    expect(mayLead([], 'a1b2c3d4')).toBe(true);
    expect(mayLead(['a1b2c3d4'], 'a1b2c3d4')).toBe(true);
    expect(mayLead(['ffffeeee'], 'a1b2c3d4')).toBe(false);
  });

  it('end by the holder’s own clock once a renewal is overdue', () => {
    const timings = leaseTimings(5_000);
    expect(selfFenced(1_000, 6_999, timings)).toBe(false);
    expect(selfFenced(1_000, 7_000, timings)).toBe(true);
  });

  it('name the process holding them, and its stable instance', () => {
    const holder = holderToken('3f0c2a4e-1111-4222-8333-944455556666', 4242, '0a1b2c3d');
    expect(holder).toBe('3f0c2a4e-1111-4222-8333-944455556666/4242/0a1b2c3d');
    expect(instanceOf(holder)).toBe('3f0c2a4e-1111-4222-8333-944455556666');
  });
});
