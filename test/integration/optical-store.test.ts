import { describe, expect, it } from 'vitest';
import type { OpticalCardRecord } from '../../shared/contract/optical-worker';
import { DAY_MS, HOUR_MS } from '../../electron/engine/store/repo/optical';
import { storeDialects } from '../helpers/store-dialects';

const stores = storeDialects('optical-store');

const card = (uid: string, fields: Partial<OpticalCardRecord> = {}): OpticalCardRecord => ({
  cardUid: uid,
  site: 'CGE-CENTRO',
  name: uid,
  model: 'TM1200G',
  family: 'transponder',
  part: '10037',
  serial: '2100001',
  firmware: '3.1.1',
  isActive: true,
  updatedAt: null,
  ...fields,
});

describe.each(stores)('optical store on $name', ({ open }) => {
  it('keeps the inventory with its changes, samples, hourly and daily aggregates, and their retention', async () => {
    const repo = await open();
    try {
      const day = Date.UTC(2026, 10, 29);
      const optical = repo.optical;
      expect((await optical.applyInventory(1, [card('A'), card('B')], day)).map((e) => e.change)).toEqual([
        'new',
        'new',
      ]);
      const events = await optical.applyInventory(
        1,
        [card('A', { firmware: '3.2.0', isActive: false })],
        day + 1,
      );
      expect(events.map(({ change, cardUid, fields }) => ({ change, cardUid, fields }))).toEqual([
        {
          change: 'changed',
          cardUid: 'A',
          fields: { firmware: ['3.1.1', '3.2.0'], isActive: ['true', 'false'] },
        },
        { change: 'removed', cardUid: 'B', fields: {} },
      ]);
      expect((await optical.cards()).map((row) => [row.cardUid, row.removedAt])).toEqual([
        ['A', null],
        ['B', day + 1],
      ]);
      await optical.mapSite({ endpointId: 1, site: 'CGE-CENTRO', towerId: null });
      expect(await optical.sites()).toEqual([{ endpointId: 1, site: 'CGE-CENTRO', towerId: null }]);

      const [measure] = await optical.registerMeasures([
        { endpointId: 1, uid: 'A-7255-0', cardUid: 'A', key: 7255 },
      ]);
      const id = measure!.id;
      const samples = [
        { measureId: id, at: day + 10 * 60_000, value: -12 },
        { measureId: id, at: day + 40 * 60_000, value: -14 },
        { measureId: id, at: day + HOUR_MS + 60_000, value: -13 },
      ];
      await optical.insertSamples(samples);
      await optical.insertSamples(samples.slice(0, 1));
      expect(await optical.rollUp('hour', day, day + DAY_MS)).toBe(2);
      expect(await optical.rollUp('day', day, day + DAY_MS)).toBe(1);
      expect(await optical.history(id, 'hour', day)).toEqual([
        { at: day, min: -14, avg: -13, max: -12 },
        { at: day + HOUR_MS, min: -13, avg: -13, max: -13 },
      ]);
      const [daily] = await optical.history(id, 'day', day);
      expect(daily).toMatchObject({ at: day, min: -14, max: -12 });
      expect(daily!.avg).toBeCloseTo(-13, 9);
      await optical.deleteBefore('raw', day + HOUR_MS);
      expect((await optical.history(id, 'raw', 0)).map((point) => point.avg)).toEqual([-13]);
    } finally {
      await repo.close();
    }
  });
});
