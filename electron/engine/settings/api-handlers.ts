import type { SettingsGroup } from '../../../shared/contract/settings';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
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
    'settings.monitor.set': ({ value }, { name }) => settings.set('monitor', value, name),
    'settings.snmp.set': ({ value }, { name }) => settings.set('snmp', value, name),
    'settings.retention.set': ({ value }, { name }) => settings.set('retention', value, name),
    'settings.ui.set': ({ value }, { name }) => settings.set('ui', value, name),
    'settings.map.set': ({ value }, { name }) => settings.set('map', value, name),
    'settings.notifications.set': ({ value }, { name }) => settings.set('notifications', value, name),
  };
}
