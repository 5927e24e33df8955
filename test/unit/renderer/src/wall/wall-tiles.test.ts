import { describe, expect, it } from 'vitest';
import type { Alarm, Device, Tower } from '../../../../../shared/contract/entities';
import { wallTiles } from '../../../../../renderer/src/wall/wall-tiles';
import { elapsed } from '../../../../../renderer/src/wall/elapsed';
import { anAlarm } from '../../../../helpers/alarms';

let nextId = 1;
const alarm = (fields: Partial<Alarm>): Alarm => anAlarm({ id: nextId++, type: 'down', ...fields });
const tower = (id: number, name: string) => ({ id, name }) as Tower;
const device = (id: number, name: string, towerId: number | null) => ({ id, name, towerId }) as Device;

const towers = new Map([
  [1, tower(1, 'Torre Alfa')],
  [2, tower(2, 'Torre Beta')],
]);
const devices = new Map([
  [10, device(10, 'borda-01', 1)],
  [11, device(11, 'cliente-11', 2)],
]);

describe('the wall screen tiles', () => {
  it('puts the place that cuts off the most subscribers first, then the most devices, then the oldest', () => {
    const tiles = wallTiles(
      [
        alarm({ deviceId: 11, raisedAt: 100 }),
        alarm({ towerId: 2, type: 'tower-down', affected: 12, raisedAt: 500 }),
        alarm({ towerId: 1, type: 'tower-down', affected: 3, params: { subscribers: 240 }, raisedAt: 900 }),
        alarm({ deviceId: 10, severity: 'major', type: 'latency', raisedAt: 50 }),
      ],
      devices,
      towers,
    );
    expect(tiles.map((tile) => [tile.key, tile.title, tile.place, tile.subscribers, tile.affected])).toEqual([
      ['tower:1', 'Torre Alfa', null, 240, 3],
      ['tower:2', 'Torre Beta', null, 0, 12],
      ['device:11', 'cliente-11', 'Torre Beta', 0, 1],
      ['device:10', 'borda-01', 'Torre Alfa', 0, 1],
    ]);
  });

  it('shows one tile per place with its worst alarm, since its oldest, and leaves minor ones out', () => {
    const worst = alarm({ deviceId: 10, severity: 'critical', raisedAt: 300 });
    const tiles = wallTiles(
      [
        alarm({ deviceId: 10, severity: 'major', type: 'latency', raisedAt: 200 }),
        worst,
        alarm({ deviceId: 10, severity: 'minor', source: 'backup', type: 'failed' }),
        alarm({ deviceId: 11, severity: 'info' }),
        alarm({ deviceId: 11, state: 'cleared' }),
      ],
      devices,
      towers,
    );
    expect(tiles).toHaveLength(1);
    expect(tiles[0]).toMatchObject({
      key: 'device:10',
      headline: worst,
      others: 1,
      since: 200,
      acknowledged: false,
    });
  });

  it('says someone is on it only when every alarm of the place is acknowledged', () => {
    const [tile] = wallTiles(
      [alarm({ towerId: 1, state: 'acknowledged', acknowledgedBy: 'ana' })],
      devices,
      towers,
    );
    expect(tile!.acknowledged).toBe(true);
    const alarmOnly = wallTiles([alarm({ source: 'system', type: 'mass-outage' })], devices, towers);
    expect(alarmOnly[0]).toMatchObject({ title: null, place: null });
  });

  it('writes how long an outage lasted in its two largest units, in each language', () => {
    expect(elapsed('pt-BR', 4_320_000)).toBe('1 h 12 min');
    expect(elapsed('en', 4_320_000)).toBe('1h 12m');
    expect(elapsed('en', 45_900)).toBe('45s');
  });
});
