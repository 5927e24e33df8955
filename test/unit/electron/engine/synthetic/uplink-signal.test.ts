import { describe, expect, it } from 'vitest';
import type { SyntheticCheck } from '../../../../../shared/contract/synthetic';
import { UplinkTracker, type UplinkState } from '../../../../../electron/engine/synthetic/uplink-signal';

const check = (name: string, ok: boolean) =>
  ({ name, enabled: true, uplink: true, last: { ok } }) as unknown as SyntheticCheck;

describe('UplinkTracker', () => {
  it('tells its listeners when the uplink goes down and comes back, with the time it changed', () => {
    let now = Date.UTC(2026, 10, 30, 1, 0, 0);
    const tracker = new UplinkTracker(() => now);
    const heard: UplinkState[] = [];
    const stop = tracker.onChange((state) => heard.push(state));
    expect(tracker.current()).toEqual({ down: false, since: '2026-11-30T01:00:00.000Z', failing: [] });

    now += 60_000;
    tracker.update([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', true)]);
    now += 60_000;
    tracker.update([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', false)]);
    tracker.update([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', false)]); // no change: not told
    now += 60_000;
    tracker.update([check('DNS 8.8.8.8', true), check('DNS 1.1.1.1', true)]);
    stop();
    tracker.update([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', false)]);

    expect(heard).toEqual([
      { down: false, since: '2026-11-30T01:00:00.000Z', failing: ['DNS 8.8.8.8'] },
      { down: true, since: '2026-11-30T01:02:00.000Z', failing: ['DNS 8.8.8.8', 'DNS 1.1.1.1'] },
      { down: false, since: '2026-11-30T01:03:00.000Z', failing: [] },
    ]);
  });
});
