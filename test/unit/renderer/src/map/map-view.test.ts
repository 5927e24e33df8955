import { describe, expect, it } from 'vitest';
import type { Device, DeviceState, DeviceStatus, Tower } from '../../../../../shared/contract/entities';
import { deriveMapView, linkState } from '../../../../../renderer/src/map/map-view';

const tower = (id: number, name: string, latitude: number, longitude: number) =>
  ({ id, name, code: `T${id}`, latitude, longitude }) as Tower;
const device = (id: number, name: string, towerId: number | null, parentId: number | null = null) =>
  ({ id, name, towerId, parentId }) as Device;
const status = (deviceId: number, state: DeviceState) => ({ deviceId, state }) as DeviceStatus;

const towers = new Map([
  [1, tower(1, 'Torre Alfa', -7.2, -35.9)],
  [2, tower(2, 'Torre Beta', -7.3, -35.8)],
  [3, tower(3, 'Torre Gama', -7.4, -35.7)],
]);

describe('the map view', () => {
  it('places every device at its tower, worst state first, and counts those without a tower', () => {
    const devices = new Map([
      [10, device(10, 'core', 1)],
      [11, device(11, 'ap-b', 1)],
      [12, device(12, 'ap-a', 1)],
      [13, device(13, 'solto', null)],
      [14, device(14, 'torre-apagada', 99)],
    ]);
    const statuses = new Map([
      [10, status(10, 'up')],
      [11, status(11, 'degraded')],
      [12, status(12, 'down')],
    ]);
    const view = deriveMapView(towers, devices, statuses);
    expect(view.unplaced).toBe(2);
    expect(view.markers.map(({ tower, count, worst }) => [tower.id, count, worst])).toEqual([
      [1, 3, 'down'],
      [2, 0, 'unknown'],
      [3, 0, 'unknown'],
    ]);
    expect(view.markers[0]!.troubled).toEqual([
      { id: 12, name: 'ap-a', state: 'down' },
      { id: 11, name: 'ap-b', state: 'degraded' },
    ]);
  });

  it('draws one link per tower pair, in the worst state of the radios behind it', () => {
    const devices = new Map([
      [10, device(10, 'core', 1)],
      [20, device(20, 'ptp-beta-1', 2, 10)],
      [21, device(21, 'ptp-beta-2', 2, 10)],
      [30, device(30, 'ptp-gama', 3, 20)],
      [31, device(31, 'ap-gama', 3, 30)],
    ]);
    const statuses = new Map([
      [10, status(10, 'up')],
      [20, status(20, 'up')],
      [21, status(21, 'unreachable')],
      [30, status(30, 'degraded')],
      [31, status(31, 'down')],
    ]);
    expect(deriveMapView(towers, devices, statuses).links).toEqual([
      { key: '1-2', from: [-7.2, -35.9], to: [-7.3, -35.8], state: 'down' },
      { key: '2-3', from: [-7.3, -35.8], to: [-7.4, -35.7], state: 'degraded' },
    ]);
  });

  it('words a device state as a link state', () => {
    expect(
      ['up', 'degraded', 'down', 'unreachable', 'flapping', 'maintenance', 'unknown'].map((s) =>
        linkState(s as DeviceState),
      ),
    ).toEqual(['up', 'degraded', 'down', 'down', 'degraded', 'unknown', 'unknown']);
  });
});
