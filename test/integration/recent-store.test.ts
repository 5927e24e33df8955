import { describe, expect, it } from 'vitest';
import { storeDialects } from '../helpers/store-dialects';
import type { RecentChange, RecentCursor } from '../../shared/contract/recent';
import { storeAlarm } from '../helpers/alarms';
import { deviceStatus } from '../helpers/device-status';

const stores = storeDialects('recent-store');

const T0 = Date.UTC(2026, 10, 29, 12, 0);
const MIN = 60_000;

/** A line as the dashboard reads it: what, about whom, when. */
const line = (change: RecentChange): string =>
  change.kind === 'state'
    ? `${change.at - T0} state #${change.deviceId} ${change.from ?? '-'}→${change.to}${change.cause ? ` (${change.cause})` : ''}`
    : `${change.at - T0} ${change.action} alarm#${change.alarm.id}` +
      (change.action === 'acknowledged' ? ` by ${change.alarm.acknowledgedBy}: ${change.alarm.note}` : '');

describe.each(stores)('recent changes on $name', ({ open }) => {
  it('merges state changes and alarm moments newest first, with who acknowledged and the note, and pages through a whole tower falling at one millisecond', async () => {
    const repo = await open();
    try {
      const router = await repo.devices.create({ name: 'R1', host: '127.0.0.1', kind: 'router' });
      const aps = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          repo.devices.create({
            name: `AP${i}`,
            host: `127.0.1.${i + 1}`,
            kind: 'sector_ap',
            parentId: router.id,
          }),
        ),
      );
      expect(await repo.recent.list(50)).toEqual({ items: [], next: null });

      await repo.status.upsertMany([router, ...aps].map((device) => deviceStatus(device.id, 'up', T0)));
      // The router falls and every AP behind it becomes unreachable at the same millisecond.
      await repo.status.upsertMany([
        deviceStatus(router.id, 'down', T0 + MIN),
        ...aps.map((ap) => deviceStatus(ap.id, 'unreachable', T0 + MIN, { cause: `device:${router.id}` })),
      ]);
      const alarm = await storeAlarm(repo, {
        deviceId: router.id,
        raisedAt: T0 + MIN,
        params: { device: 'R1' },
      });
      await repo.alarms.acknowledge([alarm.id], 'joana', 'Equipe a caminho', T0 + 3 * MIN);
      await repo.status.upsertMany([deviceStatus(router.id, 'up', T0 + 5 * MIN)]);
      await repo.alarms.clearMany([alarm.id], T0 + 5 * MIN, null);

      const first = await repo.recent.list(4);
      expect(first.items.map(line)).toEqual([
        `${5 * MIN} cleared alarm#${alarm.id}`,
        `${5 * MIN} state #${router.id} down→up`,
        `${3 * MIN} acknowledged alarm#${alarm.id} by joana: Equipe a caminho`,
        `${MIN} raised alarm#${alarm.id}`,
      ]);
      // Every moment of the alarm carries it as stored now: cleared, with who acknowledged it.
      expect(first.items[0]).toMatchObject({
        alarm: { state: 'cleared', acknowledgedBy: 'joana', clearedAt: T0 + 5 * MIN },
      });

      // Page by page, three at a time, through the eight changes at T0 + 1 min and the first states:
      // nothing skipped, nothing repeated.
      const rest: RecentChange[] = [];
      let cursor: RecentCursor | null = first.next;
      while (cursor) {
        const page = await repo.recent.list(3, cursor);
        expect(page.items.length).toBeLessThanOrEqual(3);
        rest.push(...page.items);
        cursor = page.next;
      }
      const behind = [...aps].reverse();
      expect(rest.map(line)).toEqual([
        ...behind.map((ap) => `${MIN} state #${ap.id} up→unreachable (device:${router.id})`),
        `${MIN} state #${router.id} up→down`,
        ...behind.map((ap) => `0 state #${ap.id} -→up`),
        `0 state #${router.id} -→up`,
      ]);
      expect(first.items.length + rest.length).toBe(4 + 2 * 8);
    } finally {
      await repo.close();
    }
  }, 120_000);
});
