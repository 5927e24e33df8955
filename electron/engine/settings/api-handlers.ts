import type { SettingsGroup } from '../../../shared/contract/settings';
import type { ApiHandlers } from '../api/dispatch';
import type { SettingsService } from './settings-service';
import type { SnmpLimitsHandlers } from './snmp-limits';

type SettingsMethods = 'settings.get' | `settings.${SettingsGroup}.set`;
export type SettingsApiHandlers = Pick<ApiHandlers, SettingsMethods> & SnmpLimitsHandlers;

/** The settings API over the service: every set is checked, stored, audited and published there. */
export function settingsApiHandlers(
  settings: SettingsService,
  limits: SnmpLimitsHandlers,
): SettingsApiHandlers {
  return {
    ...limits,
    'settings.get': async () => settings.all(),
    'settings.monitor.set': ({ value, by }) => settings.set('monitor', value, by),
    'settings.snmp.set': ({ value, by }) => settings.set('snmp', value, by),
    'settings.retention.set': ({ value, by }) => settings.set('retention', value, by),
    'settings.ui.set': ({ value, by }) => settings.set('ui', value, by),
    'settings.map.set': ({ value, by }) => settings.set('map', value, by),
    'settings.notifications.set': ({ value, by }) => settings.set('notifications', value, by),
  };
}
