import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/api';
import type { EngineHealth } from '../../shared/contract/events';
import { pingerApi, type PingerMode } from '../../shared/contract/pinger';
import { snmpApi } from '../../shared/contract/snmp';
import {
  isGlobalMaintenanceActive,
  coversDevice,
  globalMaintenanceKey,
  type GlobalMaintenanceValue,
} from '../../shared/domain/monitor/maintenance';
import { createApiHandlers } from './api/handlers';
import { createDispatcher } from './api/dispatch';
import { createDemoTransport } from './demo/demo-transport';
import { seedDemoNetwork } from './demo/seed';
import type { Engine } from './engine';
import { EventBus } from './event-bus';
import { Monitor } from './monitor/monitor';
import { NotifyService } from './notify/notify-service';
import type { PingTransport } from '../../shared/contract/pinger';
import { workerPingTransport } from './collectors/pinger-port';
import { snmpApiHandlers } from './snmp/api-handlers';
import { SnmpMonitor } from './snmp/snmp-monitor';
import { workerSnmpTransport } from './collectors/snmp-port';
import { openStore, type StoreConfig } from './store/open-store';
import type { Repository } from './store/repository';
import { createFileKeyCipher, type SecretCipher } from './store/secret-cipher';
import { resolveWorkerEntry } from './collectors/worker-entry';
import type { Spawner } from './collectors/spawner';
import { Supervisor } from './collectors/supervisor';
import { startSynthetic } from './synthetic/start-synthetic';
import { openFileLog } from './logging/file-logger';
import { startObservability } from './observability/start-observability';
import { StoreBackupService } from './store-backup/store-backup-service';
import { storeBackupApiHandlers } from './store-backup/api-handlers';

export interface StartEngineOptions {
  dataDir: string;
  /** Default: SQLite in `<dataDir>/vigia.db`. */
  store?: StoreConfig;
  /** Fill an empty store with the demo network and simulate its measurements. */
  demo: boolean;
  runtime: 'electron' | 'headless';
  spawner: Spawner;
  /** Default: a key file in the data folder (the desktop app passes the OS keychain). */
  cipher?: SecretCipher;
  version: string;
  log?: (message: string) => void;
}

export interface RunningEngine extends Engine {
  info(): AppInfo;
  health(): EngineHealth;
  readonly repo: Repository;
}

const HEALTH_EVERY_MS = 5_000;

/**
 * Starts Vigia's engine under plain Node or in Electron's main process: the store, the
 * supervised collectors (pinger and SNMP poller), the ICMP monitor and the SNMP monitor, and the
 * validated API in front of them. Both the desktop app and the headless server call this.
 */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  // Every engine line also goes to the structured log file (JSON, rotated, secrets redacted).
  const print = options.log ?? ((message: string) => console.log(message));
  const fileLog = openFileLog(options.dataDir, print);
  const log = (message: string) => {
    print(message);
    fileLog.line(message);
  };
  const startedAt = Date.now();
  const store = options.store ?? { dialect: 'sqlite', file: join(options.dataDir, 'vigia.db') };
  const repo = await openStore(store).catch(async (error: unknown) => {
    await fileLog.close();
    throw error;
  });
  // Whatever started before a failure is stopped again, so a failed start leaves nothing running.
  const supervisor = new Supervisor({
    spawner: options.spawner,
    log: (level, message) => log(`[${level}] ${message}`),
  });
  try {
    const engine = await startAround(repo, supervisor, options, log, startedAt);
    return { ...engine, stop: () => engine.stop().finally(() => fileLog.close()) };
  } catch (error) {
    await supervisor.stopAll().catch(() => undefined);
    await repo.close().catch(() => undefined);
    await fileLog.close();
    throw error;
  }
}

async function startAround(
  repo: Repository,
  supervisor: Supervisor,
  options: StartEngineOptions,
  log: (message: string) => void,
  startedAt: number,
): Promise<RunningEngine> {
  const cipher = options.cipher ?? createFileKeyCipher(options.dataDir);
  const bus = new EventBus();

  let transport: PingTransport;
  if (options.demo) {
    const seeded = await seedDemoNetwork(repo);
    log(
      seeded.seeded
        ? `demo: seeded ${seeded.towers} towers and ${seeded.devices} devices`
        : `demo: the store already holds ${seeded.devices} devices; it was left as it is`,
    );
    transport = createDemoTransport(repo);
  } else {
    transport = workerPingTransport(
      supervisor.supervise({ name: 'pinger', entry: resolveWorkerEntry('pinger'), api: pingerApi }),
    );
  }
  const snmpTransport = workerSnmpTransport(
    supervisor.supervise({ name: 'snmp', entry: resolveWorkerEntry('snmp'), api: snmpApi }),
  );

  const monitorConfig = (await repo.settings.get('monitor.config')) ?? undefined;
  // The SNMP monitor starts after the ICMP one; until then no tower has known subscribers.
  let subscribersBehind: (towerId: number) => number = () => 0;
  const monitor = new Monitor({
    repo,
    transport,
    bus,
    config: monitorConfig as never,
    subscribersBehind: (towerId) => subscribersBehind(towerId),
  });

  // Maintenance as the SNMP monitor needs it: read synchronously from a copy kept fresh by events.
  let devices = new Map((await repo.devices.list()).map((device) => [device.id, device]));
  let towers = new Map((await repo.towers.list()).map((tower) => [tower.id, tower]));
  let globalWindow = ((await repo.settings.get(globalMaintenanceKey)) ??
    null) as GlobalMaintenanceValue | null;
  const refreshInventory = async () => {
    devices = new Map((await repo.devices.list()).map((device) => [device.id, device]));
    towers = new Map((await repo.towers.list()).map((tower) => [tower.id, tower]));
    globalWindow = ((await repo.settings.get(globalMaintenanceKey)) ?? null) as GlobalMaintenanceValue | null;
  };
  const isSuppressed = (deviceId: number): boolean => {
    const now = Date.now();
    const device = devices.get(deviceId);
    const globalActive = isGlobalMaintenanceActive(globalWindow, now);
    return device ? coversDevice(device, (towerId) => towers.get(towerId), globalActive, now) : globalActive;
  };

  const snmpMonitor: SnmpMonitor = new SnmpMonitor({
    repo,
    transport: snmpTransport,
    bus,
    cipher,
    isSuppressed,
  });
  subscribersBehind = (towerId) =>
    snmpMonitor.subscribers(
      [...devices.values()].filter((device) => device.towerId === towerId).map((device) => device.id),
    );

  let mode: PingerMode = { mode: options.demo ? 'simulated' : 'raw', note: null };
  void transport.mode().then(
    (found) => {
      mode = found;
      if (found.note) log(`ICMP: ${found.note}`);
    },
    (error: unknown) => log(`ICMP: could not read the pinger's mode: ${(error as Error).message}`),
  );

  const info = (): AppInfo => ({
    version: options.version,
    demo: options.demo,
    dialect: repo.dialect,
    runtime: options.runtime,
    icmpMode: mode.mode,
    icmpNote: mode.note,
  });
  let storeError: string | null = null;
  const health = (): EngineHealth => ({
    startedAt,
    ...monitor.health(),
    workers: supervisor.health(),
    storeOk: storeError === null,
    storeError,
  });

  // ── Synthetic checks (DNS, HTTP, TCP) and Vigia's own health and metrics (/health, /metrics) ──
  const observability = startObservability({
    repo,
    bus,
    health,
    syntheticChecks: () => synthetic.service.list(),
    dataDir: options.dataDir,
    about: info,
  });
  const synthetic = await startSynthetic({
    repo,
    bus,
    supervisor,
    demo: options.demo,
    log,
    metrics: observability.metrics,
  });
  // ── end synthetic checks and observability ──

  // ── Database backups (SQLite's online backup; PostgreSQL uses the server's own tools) ──
  const storeBackup = new StoreBackupService({
    repo,
    dataDir: options.dataDir,
    databaseFile:
      repo.dialect === 'sqlite'
        ? options.store?.dialect === 'sqlite'
          ? options.store.file
          : join(options.dataDir, 'vigia.db')
        : null,
    log,
  });
  await storeBackup.start();
  // ── end database backups ──

  // The bot's commands go through the same validated API as the UI; it exists once `call` does.
  let engineCall: RunningEngine['call'] | null = null;
  const notify = await NotifyService.start({
    repo,
    bus,
    cipher,
    owner: `${hostname()}:${options.dataDir}`,
    desktop: options.runtime === 'electron',
    call: (method, input) => {
      if (!engineCall) throw new Error('the engine is still starting');
      return engineCall(method, input);
    },
    log,
  });
  const call = createDispatcher(
    createApiHandlers({
      repo,
      bus,
      monitor,
      snmp: snmpApiHandlers({ repo, cipher, monitor: snmpMonitor, transport: snmpTransport }),
      notify: notify.handlers(),
      synthetic: synthetic.handlers,
      observability: observability.handlers,
      storeBackup: storeBackupApiHandlers({ repo, service: storeBackup, now: Date.now }),
      info,
      health,
      now: Date.now,
      maintenanceChanged: refreshInventory,
      inventoryChanged: async () => {
        await refreshInventory();
        await monitor.reload();
        await snmpMonitor.reload();
      },
    }),
  );
  engineCall = call;
  monitor.start();
  await snmpMonitor.start();
  const healthTimer = setInterval(() => {
    repo.settings.get('vigia.heartbeat').then(
      () => (storeError = null),
      (error: unknown) => (storeError = (error as Error).message),
    );
    bus.publish({ type: 'engine.health', health: health() });
  }, HEALTH_EVERY_MS);
  supervisor.onHealthChange(() => bus.publish({ type: 'engine.health', health: health() }));

  return {
    repo,
    info,
    health,
    call,
    subscribe: (listener) => bus.subscribe(listener),
    async stop() {
      clearInterval(healthTimer);
      await monitor.stop();
      await snmpMonitor.stop();
      await notify.stop();
      await synthetic.service.stop();
      observability.stop();
      await storeBackup.stop();
      await supervisor.stopAll();
      await repo.close();
    },
  };
}
