import type { DeviceState, DeviceStatus } from '../../shared/contract/entities';

/**
 * A device's status as the monitor writes it: an answering device has an RTT and no loss, any
 * other state has no RTT and full loss. `extra` overrides what a test needs to differ.
 */
export const deviceStatus = (
  deviceId: number,
  state: DeviceState,
  since: number,
  extra: Partial<Omit<DeviceStatus, 'deviceId' | 'state' | 'since'>> = {},
): DeviceStatus => ({
  deviceId,
  state,
  since,
  lastCheck: since,
  rttMs: state === 'up' ? 1.5 : null,
  lossPct: state === 'up' ? 0 : 100,
  cause: null,
  ...extra,
});
