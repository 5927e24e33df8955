import type { SelfAlarm } from './self-alarms';

/** SNMP data is stale after this many missed intervals, and never sooner than STALE_MIN_MS. */
export const STALE_INTERVALS = 3;
export const STALE_MIN_MS = 10 * 60_000;

export interface SnmpFreshness {
  deviceId: number;
  name: string;
  /** The device answers ping (its ICMP state is up or degraded). */
  answersPing: boolean;
  intervalS: number;
  /** When its SNMP data last updated; before any, when polling began to be expected. */
  lastGoodAt: number;
}

/**
 * Devices whose SNMP data stopped updating while they still answer ping: the agent, its
 * credentials or an ACL broke, not the device. A device that does not answer ping has its own
 * alarm already, so it is not blamed twice.
 */
export function staleSnmpAlarms(devices: readonly SnmpFreshness[], now: number): SelfAlarm[] {
  return devices
    .filter(
      (device) =>
        device.answersPing &&
        now - device.lastGoodAt > Math.max(STALE_INTERVALS * device.intervalS * 1000, STALE_MIN_MS),
    )
    .map((device) => ({
      source: 'self',
      type: 'stale_data',
      subject: { deviceId: device.deviceId, towerId: null, ref: 'snmp' },
      severity: 'warning',
      params: { device: device.name, minutes: Math.floor((now - device.lastGoodAt) / 60_000) },
    }));
}
