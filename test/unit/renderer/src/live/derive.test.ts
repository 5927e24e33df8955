import { describe, expect, it } from 'vitest';
import type { Alarm, DeviceState, DeviceStatus } from '../../../../../shared/contract/entities';
import { countByState, sortAlarms, worstState } from '../../../../../renderer/src/live/derive';
import { deviceStatus } from '../../../../helpers/device-status';

const status = (deviceId: number, state: DeviceState): DeviceStatus => deviceStatus(deviceId, state, 1_000);

const alarm = (id: number, severity: Alarm['severity'], raisedAt: number) =>
  ({ id, severity, raisedAt }) as Alarm;

describe('derived views of the live store', () => {
  it('counts devices by state, the ones without a status as unknown', () => {
    const statuses = [status(1, 'up'), status(2, 'up'), status(3, 'down'), status(4, 'maintenance')];
    expect(countByState(statuses, 7)).toEqual({
      up: 2,
      degraded: 0,
      down: 1,
      unreachable: 0,
      flapping: 0,
      maintenance: 1,
      unknown: 3,
    });
    // More statuses than devices (a device deleted meanwhile) never counts negative unknowns.
    expect(countByState(statuses, 2).unknown).toBe(0);
  });

  it('names the worst state: down, unreachable, flapping, degraded, maintenance, unknown, up', () => {
    expect(worstState([])).toBeNull();
    expect(worstState(['up', 'unknown'])).toBe('unknown');
    expect(worstState(['up', 'maintenance', 'unknown'])).toBe('maintenance');
    expect(worstState(['maintenance', 'degraded'])).toBe('degraded');
    expect(worstState(['degraded', 'flapping', 'up'])).toBe('flapping');
    expect(worstState(['flapping', 'unreachable'])).toBe('unreachable');
    expect(worstState(['unreachable', 'down', 'up'])).toBe('down');
  });

  it('sorts alarms severest first, then newest, leaving the input alone', () => {
    const input = [
      alarm(1, 'minor', 300),
      alarm(2, 'critical', 100),
      alarm(3, 'major', 200),
      alarm(4, 'critical', 400),
      alarm(5, 'info', 500),
    ];
    expect(sortAlarms(input).map((a) => a.id)).toEqual([4, 2, 3, 1, 5]);
    expect(input.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
