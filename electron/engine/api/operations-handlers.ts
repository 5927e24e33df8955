import { chartRanges } from '../../../shared/contract/common';
import { chartPoints, MAX_CHART_SAMPLES } from '../../../shared/domain/monitor/chart-points';
import type { ApiContext } from './context';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';

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
  | 'recent.list';

/** The live side: statuses, history, alarms, maintenance and the audit trail. */
export function operationsHandlers(ctx: ApiContext): Pick<ApiHandlers, OperationMethods> {
  const { repo, monitor } = ctx;
  return {
    'app.info': async () => ctx.info(),
    'engine.health': async () => ctx.health(),
    'status.snapshot': () => ctx.statuses(),
    'status.history': async ({ deviceId, range }) => {
      const to = ctx.now();
      const { ms, resolution } = chartRanges[range];
      if (resolution === 'hour') return repo.history.hourly(deviceId, to - ms, to);
      if (resolution === 'day') return repo.history.daily(deviceId, to - ms, to);
      if (resolution === 'sample') {
        const samples = await repo.ping.samples(deviceId, to - ms, to, MAX_CHART_SAMPLES);
        return chartPoints(deviceId, samples, to - ms, to);
      }
      return repo.ping.rollups(deviceId, to - ms, to);
    },
    'devices.pingNow': async ({ ids }) => monitor.pingNow(ids),
    'alarms.list': (filter) => repo.alarms.list(filter),
    'alarms.acknowledge': ({ ids, note }, { name }) => ctx.alarms.acknowledge(ids, name, note),
    'alarms.clear': ({ ids, reason }, { name }) => ctx.alarms.clearByOperator(ids, name, reason),
    'maintenance.start': (input, { name }) => monitor.startMaintenance(input, name),
    'maintenance.end': ({ target }, { name }) => monitor.endMaintenance(target, name),
    'maintenance.global': () => monitor.globalMaintenance(),
    'audit.list': ({ limit }) => repo.audit.list(limit),
    'recent.list': ({ limit, before }) => repo.recent.list(limit, before),
  };
}
