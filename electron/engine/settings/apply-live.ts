import type { SnmpOptions } from '../../../shared/contract/snmp';
import type { SnmpSettings } from '../../../shared/contract/settings';
import type { Monitor } from '../monitor/monitor';
import type { SnmpMonitor } from '../snmp/snmp-monitor';
import { monitorConfigFrom } from './monitor-config';
import type { SettingsService } from './settings-service';

const DAY_MS = 86_400_000;

/** How every SNMP round polls; port, version and interval are defaults for new devices only. */
export const snmpOptionsFrom = ({
  timeoutMs,
  retries,
  maxRepetitions,
  concurrency,
}: SnmpSettings): SnmpOptions => ({
  timeoutMs,
  retries,
  maxRepetitions,
  concurrency,
});

export const snmpRollupRetentionMs = (settings: SettingsService): number =>
  settings.group('retention').snmpRollupsDays * DAY_MS;

export const icmpConfig = (settings: SettingsService) =>
  monitorConfigFrom(settings.group('monitor'), settings.group('retention'));

/**
 * Keeps the running monitors on the saved settings: the ICMP monitor adopts a new config before
 * its next cycle, the SNMP monitor polls its next round with the new options (its retention sweep
 * reads the setting each time). Returns the unsubscribe.
 */
export function applySettingsLive(
  settings: SettingsService,
  monitors: { icmp: Monitor; snmp: SnmpMonitor },
  onError: (error: unknown) => void,
): () => void {
  const adopt = () => void monitors.icmp.adopt(icmpConfig(settings)).catch(onError);
  const stops = [
    settings.onChange('monitor', adopt),
    settings.onChange('retention', adopt),
    settings.onChange('snmp', (value) => monitors.snmp.setOptions(snmpOptionsFrom(value))),
  ];
  return () => stops.forEach((stop) => stop());
}
