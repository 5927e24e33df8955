import { historyRangeMs } from '../../../shared/contract/common';
import { NOTIFY_CONFIG_KEY, NOTIFY_SECRETS_KEY } from '../../../shared/domain/notify/defaults';
import type { ApiContext } from './context';
import { invalidInput } from './errors';
import type { ApiHandlers } from './dispatch';

type OperationMethods =
  | 'app.info'
  | 'engine.health'
  | 'status.snapshot'
  | 'status.history'
  | 'devices.pingNow'
  | 'alarms.list'
  | 'alarms.acknowledge'
  | 'alarms.clear'
  | 'maintenance.start'
  | 'maintenance.end'
  | 'maintenance.global'
  | 'audit.list'
  | 'settings.get'
  | 'settings.set';

/** The live side: statuses, history, alarms, maintenance, settings and the audit trail. */
export function operationsHandlers(ctx: ApiContext): Pick<ApiHandlers, OperationMethods> {
  const { repo, monitor } = ctx;
  return {
    'app.info': async () => ctx.info(),
    'engine.health': async () => ctx.health(),
    'status.snapshot': async () => monitor.snapshot(),
    'status.history': async ({ deviceId, range }) => {
      const to = ctx.now();
      return repo.ping.rollups(deviceId, to - historyRangeMs[range], to);
    },
    'devices.pingNow': async ({ ids }) => monitor.pingNow(ids),
    'alarms.list': (filter) => repo.alarms.list(filter),
    'alarms.acknowledge': ({ ids, by, note }) => ctx.alarms.acknowledge(ids, by, note),
    'alarms.clear': ({ ids, by, reason }) => ctx.alarms.clearByOperator(ids, by, reason),
    'maintenance.start': (input) => monitor.startMaintenance(input),
    'maintenance.end': ({ target, by }) => monitor.endMaintenance(target, by),
    'maintenance.global': () => monitor.globalMaintenance(),
    'audit.list': ({ limit }) => repo.audit.list(limit),
    'settings.get': async () => {
      const { [NOTIFY_SECRETS_KEY]: _sealed, ...visible } = await repo.settings.all();
      return visible;
    },
    'settings.set': async ({ key, value, by }) => {
      if (key === NOTIFY_SECRETS_KEY || key === NOTIFY_CONFIG_KEY)
        throw invalidInput(`"${key}" is changed through the notification settings (notify.config.set)`, [
          { path: 'key', message: 'use notify.config.set' },
        ]);
      await repo.settings.set(key, value);
      ctx.settingChanged(key, value);
      await repo.audit.add({
        at: ctx.now(),
        actor: by,
        action: 'settings.set',
        target: key,
        details: JSON.stringify(value).slice(0, 300),
      });
    },
  };
}
