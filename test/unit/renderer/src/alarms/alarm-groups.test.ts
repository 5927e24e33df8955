import { describe, expect, it } from 'vitest';
import type { Alarm, Device, DeviceStatus, Tower } from '../../../../../shared/contract/entities';
import { groupByCause } from '../../../../../renderer/src/alarms/alarm-groups';
import { anAlarm } from '../../../../helpers/alarms';

let nextId = 1;
const alarm = (fields: Partial<Alarm>): Alarm => anAlarm({ id: nextId++, raisedAt: 0, ...fields });
const status = (deviceId: number, cause: string | null) => ({ deviceId, cause }) as DeviceStatus;

describe('alarms grouped by cause', () => {
  it('puts each alarm under what explains it, the largest cause first, then by name', () => {
    const towers = new Map([[1, { id: 1, name: 'Torre Alfa' } as Tower]]);
    const devices = new Map([
      [5, { id: 5, name: 'borda-05' } as Device],
      [6, { id: 6, name: 'cpe-06' } as Device],
    ]);
    const statuses = new Map([
      [6, status(6, 'tower:1')],
      [7, status(7, 'tower:1')],
    ]);
    const groups = groupByCause(
      [
        alarm({ towerId: 1, type: 'tower_down' }),
        alarm({ deviceId: 6, source: 'snmp', type: 'if_down' }),
        alarm({ deviceId: 7, source: 'backup', type: 'failed' }),
        alarm({ deviceId: 5 }),
        alarm({ deviceId: 8, params: { cause: 'monitor:mass-outage' } }),
        alarm({ deviceId: 9, params: { cause: 'monitor:mass-outage' } }),
        alarm({ source: 'system', type: 'store-refuses' }),
      ],
      statuses,
      devices,
      towers,
    );
    expect(groups.map((group) => [group.key, group.name, group.alarms.length])).toEqual([
      ['tower:1', 'Torre Alfa', 3],
      ['monitor:mass-outage', null, 2],
      [`alarm:${nextId - 1}`, null, 1],
      ['device:5', 'borda-05', 1],
    ]);
  });
});
