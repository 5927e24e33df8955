import { syntheticWorkerApi } from '../../../shared/contract/synthetic-worker';
import { workerSyntheticRunner, type SyntheticRunner } from '../collectors/synthetic-port';
import type { DutyRouter } from '../cluster/duty-requests';
import type { GroupDuty } from '../cluster/group-duty';
import type { Supervisor } from '../collectors/supervisor';
import { resolveWorkerEntry } from '../collectors/worker-entry';
import type { AlarmPort } from '../alarms/port';
import type { EngineMetrics } from '../observability/metrics';
import type { Repository } from '../store/repository';
import { syntheticApiHandlers, type SyntheticApiHandlers } from './api-handlers';
import { SyntheticService } from './synthetic-service';
import { UplinkTracker, type UplinkSignal } from './uplink-signal';

/**
 * Starts the synthetic checks: in real use their probes run in the supervised `synthetic` worker;
 * in the demo a simulation answers and no probe ever leaves the machine.
 */
export async function startSynthetic(deps: {
  repo: Repository;
  supervisor: Supervisor;
  alarms: AlarmPort;
  /** Under --demo: the simulation that answers instead of the worker, and its seeded checks. */
  demo: { runner: SyntheticRunner; seed(): Promise<number> } | null;
  log: (message: string) => void;
  metrics: EngineMetrics;
  /** The checks of the poller groups led here run here; leadership moving is taken up at once. */
  duty: Pick<GroupDuty, 'leads' | 'onChange'>;
  /** "Run now" goes to the leader of the check's group. */
  duties: DutyRouter;
}): Promise<{ service: SyntheticService; handlers: SyntheticApiHandlers; uplink: UplinkSignal }> {
  const { repo, supervisor, alarms, demo, log } = deps;
  let runner: SyntheticRunner;
  if (demo) {
    const seeded = await demo.seed();
    if (seeded > 0) log(`demo: seeded ${seeded} synthetic checks`);
    runner = demo.runner;
  } else {
    runner = workerSyntheticRunner(
      supervisor.supervise({
        name: 'synthetic',
        entry: resolveWorkerEntry('synthetic'),
        api: syntheticWorkerApi,
      }),
    );
  }
  const uplink = new UplinkTracker();
  const kindOf = (checkId: number) => service.get(checkId)?.spec.kind;
  const service: SyntheticService = new SyntheticService({
    repo,
    runner,
    alarms,
    log,
    leads: (group) => deps.duty.leads(group),
    onChecks: (checks) => uplink.update(checks),
    onRound: ({ results, seconds, storeSeconds }) => {
      deps.metrics.observeStage('synthetic_round', seconds);
      deps.metrics.observeStage('synthetic_store_write', storeSeconds);
      for (const result of results) {
        const kind = kindOf(result.checkId);
        if (kind) deps.metrics.observeCheck(kind, result.totalMs / 1000);
      }
    },
  });
  await service.start();
  deps.duty.onChange(() => void service.tick());
  return {
    service,
    handlers: syntheticApiHandlers({ repo, service, duties: deps.duties, now: Date.now }),
    uplink,
  };
}
