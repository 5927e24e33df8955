import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor, type SupervisedWorker } from '../../electron/engine/collectors/supervisor';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { SelfMonitor } from '../../electron/engine/self/self-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import { backupWorkerApi } from '../../shared/contract/backup-worker';
import type { EngineHealth } from '../../shared/contract/events';
import { opticalWorkerApi } from '../../shared/contract/optical-worker';
import { pingerApi } from '../../shared/contract/pinger';
import { snmpApi } from '../../shared/contract/snmp';
import { syntheticWorkerApi } from '../../shared/contract/synthetic-worker';
import { trapsWorkerApi } from '../../shared/contract/traps-worker';
import type { WorkerApi } from '../../shared/contract/worker';
import { RESTART_LIMIT } from '../../shared/domain/self/self-alarms';
import { packTargets } from '../../shared/domain/ping/packed';
import { MemoryAlarmPort } from '../helpers/memory-alarm-port';
import { until } from './rig';

/** The collectors the engine supervises, each with its protocol. */
export const COLLECTORS: Record<string, WorkerApi> = {
  pinger: pingerApi,
  snmp: snmpApi,
  backup: backupWorkerApi,
  optical: opticalWorkerApi,
  synthetic: syntheticWorkerApi,
  traps: trapsWorkerApi,
};

export interface CollectorKilledResult {
  scenario: string;
  /** Each kill -9 until the supervisor had the collector running again, seconds (worst of the kills). */
  restart_s: number;
  /** Kills made, one more than the self-alarm's limit. */
  kills: number;
  /** Whether the self-monitor raised "collector restarting too often" for it, and only for it. */
  self_alarm: boolean;
  /** The worker answered a call after the last restart (a call in flight at a kill fails at once). */
  answers_after: boolean;
}

/**
 * A collector process killed with SIGKILL, RESTART_LIMIT + 1 times in a row (the worker run from
 * its source entry, as in development): the supervisor starts it again each time with its backoff,
 * it answers calls again, and Vigia's self-monitor raises its "restarting too often" alarm.
 */
export async function collectorKilled(name: string): Promise<CollectorKilledResult> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-faults-collector-${process.pid}-`));
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
  const worker: SupervisedWorker<WorkerApi> = supervisor.supervise({
    name,
    entry: resolveWorkerEntry(name),
    api: COLLECTORS[name]!,
  });
  const alarms = new MemoryAlarmPort();
  const startedAt = Date.now();
  const self = new SelfMonitor({
    repo,
    alarms,
    health: (): EngineHealth => ({
      startedAt,
      lastCycleAt: Date.now(),
      lastCycleMs: 10,
      intervalMs: 30_000,
      devicesMonitored: 0,
      workers: supervisor.health(),
      storeOk: true,
      storeError: null,
      store: { problem: null, silentS: 0, queued: 0, droppedSamples: 0 },
    }),
    statuses: () => [],
    deviceName: () => undefined,
    log: () => undefined,
  });
  const running = () => worker.health().state === 'running';
  try {
    await until(running, 60_000);
    await self.tick();
    const kills = RESTART_LIMIT + 1;
    let worst = 0;
    for (let kill = 0; kill < kills; kill++) {
      const pid = worker.health().pid!;
      const killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
      await until(() => running() && worker.health().pid !== pid, 60_000);
      worst = Math.max(worst, performance.now() - killedAt);
      await self.tick();
    }
    const answers = await callOnce(name, worker);
    const selfAlarms = alarms
      .ofSource('self')
      .filter((alarm) => alarm.type === 'collector_restarts')
      .map((alarm) => alarm.params.worker);
    return {
      scenario: `collector_killed_${name}`,
      restart_s: Math.round(worst / 100) / 10,
      kills,
      self_alarm: selfAlarms.length === 1 && selfAlarms[0] === name,
      answers_after: answers,
    };
  } finally {
    await self.stop();
    await supervisor.stopAll();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A call the collector answers without touching the network; true when it answered. */
async function callOnce(name: string, worker: SupervisedWorker<WorkerApi>): Promise<boolean> {
  if (name === 'pinger')
    return (worker as unknown as SupervisedWorker<typeof pingerApi>)
      .call('ping.run', { targets: packTargets([]), options: {} })
      .then(() => true);
  if (name === 'traps')
    return (worker as unknown as SupervisedWorker<typeof trapsWorkerApi>)
      .call('traps.stats', undefined)
      .then(() => true);
  // The others only work on the network; being ready again is what the supervisor checks.
  return worker.health().state === 'running';
}
