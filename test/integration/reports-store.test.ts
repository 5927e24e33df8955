import { describe, expect, it } from 'vitest';
import type { PingRollup } from '../../shared/contract/entities';
import { availabilityReport } from '../../electron/engine/reports/report-service';
import { DAY_MS, HOUR_MS } from '../../electron/engine/store/repo/history';
import { storeDialects } from '../helpers/store-dialects';
import { deviceStatus } from '../helpers/device-status';

const stores = storeDialects('reports-store');

const MIN = 60_000;
const month = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) };
const now = month.to + DAY_MS;

const rollup = (deviceId: number, bucket: number, avgMs: number, upPct: number): PingRollup => ({
  deviceId,
  bucket,
  samples: 10,
  minMs: avgMs - 1,
  avgMs,
  maxMs: avgMs + 1,
  lossPct: 100 - upPct,
  upPct,
});

describe.each(stores)('history and SLA reports on $name', ({ open }) => {
  it('records state changes as statuses are stored and reports the month against hand-computed figures', async () => {
    const repo = await open();
    try {
      const tower = await repo.towers.create({
        name: 'Torre Norte',
        code: 'TN',
        latitude: -20,
        longitude: -54,
      });
      const router = await repo.devices.create({
        name: 'R1',
        host: '127.0.0.1',
        kind: 'router',
        towerId: tower.id,
        tags: ['core'],
      });
      const ap = await repo.devices.create({
        name: 'AP1',
        host: '127.0.0.2',
        kind: 'sector_ap',
        towerId: tower.id,
        parentId: router.id,
        tags: ['core', 'ap'],
      });
      const lone = await repo.devices.create({ name: 'Solo', host: '127.0.0.3', kind: 'server' });
      const down = month.from + 9 * DAY_MS;
      // Up since October; the same status written again by later cycles (a sample, not a change).
      await repo.status.upsertMany([
        deviceStatus(router.id, 'up', month.from - 5 * DAY_MS),
        deviceStatus(ap.id, 'up', month.from - 5 * DAY_MS),
      ]);
      await repo.status.upsertMany([deviceStatus(router.id, 'up', month.from - 5 * DAY_MS)]);
      await repo.status.upsertMany([
        deviceStatus(router.id, 'down', down),
        deviceStatus(ap.id, 'unreachable', down, { cause: `device:${router.id}` }),
      ]);
      await repo.status.upsertMany([
        deviceStatus(router.id, 'up', down + 144 * MIN),
        deviceStatus(ap.id, 'up', down + 144 * MIN),
      ]);
      // Maintenance on the AP for a day, then up; the lone server first seen on the 21st, down past the month's end.
      await repo.status.upsertMany([
        deviceStatus(ap.id, 'maintenance', month.from + 20 * DAY_MS),
        deviceStatus(lone.id, 'up', month.from + 20 * DAY_MS),
      ]);
      await repo.status.upsertMany([
        deviceStatus(ap.id, 'up', month.from + 21 * DAY_MS),
        deviceStatus(lone.id, 'down', month.to - 6 * HOUR_MS),
      ]);
      await repo.status.upsertMany([deviceStatus(lone.id, 'up', month.to + HOUR_MS)]);

      expect(
        (await repo.history.stateChanges(month.from, month.to)).map((c) => [
          c.deviceId,
          c.at,
          c.state,
          c.cause,
        ]),
      ).toEqual([
        [router.id, down, 'down', null],
        [router.id, down + 144 * MIN, 'up', null],
        [ap.id, down, 'unreachable', `device:${router.id}`],
        [ap.id, down + 144 * MIN, 'up', null],
        [ap.id, month.from + 20 * DAY_MS, 'maintenance', null],
        [ap.id, month.from + 21 * DAY_MS, 'up', null],
        [lone.id, month.from + 20 * DAY_MS, 'up', null],
        [lone.id, month.to - 6 * HOUR_MS, 'down', null],
      ]);

      const byDevice = await availabilityReport(repo, { ...month, groupBy: 'device' }, now);
      const figures = Object.fromEntries(byDevice.rows.map((row) => [row.name, row]));
      expect(figures.R1).toMatchObject({
        monitoredMs: 30 * DAY_MS,
        downMs: 144 * MIN,
        maintenanceMs: 0,
        incidents: 1,
        tower: 'Torre Norte',
        host: '127.0.0.1',
      });
      expect(figures.R1!.availabilityPct!.toFixed(3)).toBe('99.667');
      // 29 days monitored (one in maintenance), 2 h 24 min unreachable behind R1.
      expect(figures.AP1).toMatchObject({
        monitoredMs: 29 * DAY_MS,
        downMs: 144 * MIN,
        maintenanceMs: DAY_MS,
      });
      expect(figures.AP1!.availabilityPct).toBeCloseTo((1 - 144 / (29 * 24 * 60)) * 100, 10);
      // 10 days monitored, the last 6 hours down: 97.5 %.
      expect(figures.Solo).toMatchObject({ monitoredMs: 10 * DAY_MS, downMs: 6 * HOUR_MS, tower: null });
      expect(figures.Solo!.availabilityPct).toBeCloseTo(97.5, 10);
      expect(byDevice.incidents.map((i) => [i.device, i.cause, i.causeName, i.countedMs, i.ongoing])).toEqual(
        [
          ['Solo', 'device', null, 6 * HOUR_MS, false],
          ['R1', 'device', null, 144 * MIN, false],
          ['AP1', 'parent', 'R1', 144 * MIN, false],
        ],
      );
      expect(byDevice.total).toMatchObject({
        devices: 3,
        monitoredMs: 69 * DAY_MS,
        downMs: 6 * HOUR_MS + 288 * MIN,
        incidents: 3,
      });

      const byTower = await availabilityReport(repo, { ...month, groupBy: 'tower' }, now);
      expect(byTower.rows.map((row) => [row.name, row.devices, row.monitoredMs, row.downMs])).toEqual([
        ['Torre Norte', 2, 59 * DAY_MS, 288 * MIN],
        [null, 1, 10 * DAY_MS, 6 * HOUR_MS],
      ]);
      const byTag = await availabilityReport(repo, { ...month, groupBy: 'tag' }, now);
      expect(byTag.rows.map((row) => [row.name, row.devices])).toEqual([
        ['core', 2],
        ['ap', 1],
        [null, 1],
      ]);

      // Retention keeps each device's last change before the cut: its state when history resumes.
      expect(await repo.history.deleteStateChangesBefore(month.from + 15 * DAY_MS)).toBe(4);
      const after = await availabilityReport(
        repo,
        { from: month.from + 15 * DAY_MS, to: month.to, groupBy: 'device' },
        now,
      );
      expect(after.rows.find((row) => row.name === 'R1')).toMatchObject({
        monitoredMs: 15 * DAY_MS,
        downMs: 0,
      });
    } finally {
      await repo.close();
    }
  });

  it('sums rollups per hour and per day, and keeps the daily aggregates past the rollups', async () => {
    const repo = await open();
    try {
      const device = await repo.devices.create({ name: 'H', host: '127.0.0.9', kind: 'router' });
      const day = Date.UTC(2026, 10, 10);
      await repo.ping.upsertRollups([
        rollup(device.id, day, 10, 100),
        rollup(device.id, day + 5 * MIN, 20, 50),
        rollup(device.id, day + HOUR_MS, 30, 100),
        rollup(device.id, day + DAY_MS, 40, 100),
      ]);
      expect(await repo.history.hourly(device.id, day, day + 2 * HOUR_MS)).toEqual([
        {
          deviceId: device.id,
          bucket: day,
          samples: 20,
          minMs: 9,
          avgMs: 15,
          maxMs: 21,
          lossPct: 25,
          upPct: 75,
        },
        {
          deviceId: device.id,
          bucket: day + HOUR_MS,
          samples: 10,
          minMs: 29,
          avgMs: 30,
          maxMs: 31,
          lossPct: 0,
          upPct: 100,
        },
      ]);
      expect(await repo.history.rollUpDays(day, day + 2 * DAY_MS)).toBe(2);
      await repo.ping.deleteRollupsBefore(day + 3 * DAY_MS);
      expect(await repo.history.daily(device.id, day - DAY_MS, day + 3 * DAY_MS)).toEqual([
        {
          deviceId: device.id,
          bucket: day,
          samples: 30,
          minMs: 9,
          avgMs: 20,
          maxMs: 31,
          lossPct: 16.67,
          upPct: 83.33,
        },
        {
          deviceId: device.id,
          bucket: day + DAY_MS,
          samples: 10,
          minMs: 39,
          avgMs: 40,
          maxMs: 41,
          lossPct: 0,
          upPct: 100,
        },
      ]);
      expect(await repo.history.deleteDailyBefore(day + DAY_MS)).toBe(1);
      expect(await repo.history.daily(device.id, 0, day + 3 * DAY_MS)).toHaveLength(1);
    } finally {
      await repo.close();
    }
  });
});
