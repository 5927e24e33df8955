import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../shared/contract/entities';
import { sliceEvent } from '../../../../shared/contract/event-slices';
import { deviceStatus } from '../../../helpers/device-status';
import { storedDevice as device } from '../../../helpers/devices';

const status = (deviceId: number): DeviceStatus => deviceStatus(deviceId, 'down', 1_000);

describe('status bursts cut into slices', () => {
  it('cuts 2,500 statuses into slices of 1,000, 1,000 and 500 with the same time, in order', () => {
    const statuses = Array.from({ length: 2_500 }, (_, i) => status(i + 1));
    const slices = sliceEvent({ type: 'status.changed', at: 1_000, statuses });
    expect(slices.map((slice) => (slice.type === 'status.changed' ? slice.statuses.length : 0))).toEqual([
      1_000, 1_000, 500,
    ]);
    expect(slices.every((slice) => slice.type === 'status.changed' && slice.at === 1_000)).toBe(true);
    expect(slices.flatMap((slice) => (slice.type === 'status.changed' ? slice.statuses : []))).toEqual(
      statuses,
    );
  });

  it('cuts a bulk write of 600 devices into slices of 250, 250 and 100, in order', () => {
    const devices = Array.from({ length: 600 }, (_, i) => device(i + 1));
    const slices = sliceEvent({ type: 'devices.upserted', devices });
    expect(slices.map((slice) => (slice.type === 'devices.upserted' ? slice.devices.length : 0))).toEqual([
      250, 250, 100,
    ]);
    expect(slices.flatMap((slice) => (slice.type === 'devices.upserted' ? slice.devices : []))).toEqual(
      devices,
    );
  });

  it('leaves small bursts and other events whole', () => {
    const small = { type: 'status.changed' as const, at: 5, statuses: [status(1)] };
    expect(sliceEvent(small)).toEqual([small]);
    const deleted = { type: 'device.deleted' as const, id: 3 };
    expect(sliceEvent(deleted)).toEqual([deleted]);
    const imported = { type: 'devices.upserted' as const, devices: [device(1), device(2)] };
    expect(sliceEvent(imported)).toEqual([imported]);
  });
});
