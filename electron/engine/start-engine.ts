import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/api';
import type { EngineHealth } from '../../shared/contract/events';
import { pingerApi, type PingerMode, type PingTransport } from '../../shared/contract/pinger';
import { snmpApi } from '../../shared/contract/snmp';
import { AlarmRetention } from './alarms/alarm-retention';
import { AlarmService } from './alarms/alarm-service';
import type { AlarmPort } from './alarms/port';
import { createApiHandlers } from './api/handlers';
import { startBackup } from './backup/start-backup';
import { createDemoBackupTransport } from './demo/demo-backup';
import { createDispatcher } from './api/dispatch';
import { workerPingTransport } from './collectors/pinger-port';
import { workerSnmpTransport } from './collectors/snmp-port';
import type { Spawner } from './collectors/spawner';
import { Supervisor } from './collectors/supervisor';
import { resolveWorkerEntry } from './collectors/worker-entry';
import { createDemoTransport } from './demo/demo-transport';
import { seedDemoNetwork } from './demo/seed';
import type { Engine } from './engine';
import { EventBus } from './event-bus';
import { HealthPublisher } from './health/health-publisher';
import { Inventory } from './inventory/inventory';
import { Monitor } from './monitor/monitor';
import { engineBotPort } from './notify/bot-port';
import { NotifyService } from './notify/notify-service';
import { snmpApiHandlers } from './snmp/api-handlers';
import { applySettingsLive, icmpConfig, snmpOptionsFrom, snmpRollupRetentionMs } from './settings/apply-live';
import { settingsApiHandlers } from './settings/api-handlers';
import { SettingsService } from './settings/settings-service';
import { snmpLimitsHandlers } from './settings/snmp-limits';
import { SnmpMonitor } from './snmp/snmp-monitor';
import { openStore, type StoreConfig } from './store/open-store';
import type { Repository } from './store/repository';
import { createFileKeyCipher, type SecretCipher } from './store/secret-cipher';
import { opticalWorkerApi } from '../../shared/contract/optical-worker';
import { workerOpticalTransport } from './collectors/optical-port';
import { startOpticalDemo } from './demo/optical-demo';
import { opticalApiHandlers } from './optical/api-handlers';
import { OpticalService } from './optical/optical-service';

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
  /** The operator when none is stored (the desktop app: the signed-in user); default: the host name. */
  defaultOperator?: string;
  /** Webhooks and the Bot API may be on this machine (an administrator's explicit choice). */
  allowLoopbackDestinations?: boolean;
}

export interface RunningEngine extends Engine {
  info(): AppInfo;
  health(): EngineHealth;
  readonly repo: Repository;
  /** Where the engine's other alarm sources (optical, backup, synthetic) raise and clear. */
  readonly alarms: AlarmPort;
}

/**
 * Starts Vigia's engine under plain Node or in Electron's main process: the store, the
 * supervised collectors (pinger and SNMP poller), the ICMP monitor and the SNMP monitor, and the
 * validated API in front of them. Both the desktop app and the headless server call this.
 */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const log = options.log ?? ((message: string) => console.log(message));
  const startedAt = Date.now();
  const store = options.store ?? { dialect: 'sqlite', file: join(options.dataDir, 'vigia.db') };
  const repo = await openStore(store);
  // Whatever started before a failure is stopped again, so a failed start leaves nothing running.
  const supervisor = new Supervisor({
    spawner: options.spawner,
    log: (level, message) => log(`[${level}] ${message}`),
  });
  try {
    return await startAround(repo, supervisor, options, log, startedAt);
  } catch (error) {
    await supervisor.stopAll().catch(() => undefined);
    await repo.close().catch(() => undefined);
    throw error;
  }
}

async function pingTransport(
  repo: Repository,
  supervisor: Supervisor,
  options: StartEngineOptions,
  log: (message: string) => void,
): Promise<PingTransport> {
  if (!options.demo)
    return workerPingTransport(
      supervisor.supervise({ name: 'pinger', entry: resolveWorkerEntry('pinger'), api: pingerApi }),
    );
  const seeded = await seedDemoNetwork(repo);
  log(
    seeded.seeded
      ? `demo: seeded ${seeded.towers} towers and ${seeded.devices} devices`
      : `demo: the store already holds ${seeded.devices} devices; it was left as it is`,
  );
  return createDemoTransport(repo);
}

/** Wires the engine's parts together, each built once with what it needs. */
async function startAround(
  repo: Repository,
  supervisor: Supervisor,
  options: StartEngineOptions,
  log: (message: string) => void,
  startedAt: number,
): Promise<RunningEngine> {
  const cipher = options.cipher ?? createFileKeyCipher(options.dataDir);
  const bus = new EventBus();
  const transport = await pingTransport(repo, supervisor, options, log);
  const snmpTransport = workerSnmpTransport(
    supervisor.supervise({ name: 'snmp', entry: resolveWorkerEntry('snmp'), api: snmpApi }),
  );

  const settings = await SettingsService.open({
    repo,
    bus,
    defaultOperator: options.defaultOperator ?? (hostname() || 'operador'),
  });
  const inventory = await Inventory.load(repo);
  const stopFollowing = inventory.follow(bus);
  const alarms = await AlarmService.load({ repo, bus });
  const alarmRetention = new AlarmRetention({
    repo,
    days: () => settings.group('retention').clearedAlarmsDays,
    onError: (error) => log(`alarm retention failed: ${(error as Error).message}`),
  });
  const monitor = new Monitor({
    repo,
    transport,
    bus,
    alarms,
    inventory,
    config: icmpConfig(settings),
  });
  const snmpMonitor = new SnmpMonitor({
    repo,
    transport: snmpTransport,
    alarms,
    inventory,
    cipher,
    options: snmpOptionsFrom(settings.group('snmp')),
    rollupRetentionMs: () => snmpRollupRetentionMs(settings),
  });
  const stopApplying = applySettingsLive(settings, { icmp: monitor, snmp: snmpMonitor }, (error) =>
    log(`settings: could not apply: ${(error as Error).message}`),
  );
  const notify = await NotifyService.start({
    repo,
    bus,
    cipher,
    subjects: {
      device: async (id) => inventory.device(id) ?? null,
      tower: async (id) => inventory.tower(id) ?? null,
    },
    owner: `${hostname()}:${options.dataDir}`,
    desktop: options.runtime === 'electron',
    bot: engineBotPort({ monitor, alarms, inventory }),
    allowLoopback: options.allowLoopbackDestinations ?? false,
    workstation: () => ({ language: settings.language(), paused: settings.group('notifications').paused }),
    log,
  });

  const health = new HealthPublisher({
    bus,
    startedAt,
    monitor: () => monitor.health(),
    workers: () => supervisor.health(),
    // The probe also takes up settings another workstation saved in a shared store.
    probeStore: () => Promise.all([repo.settings.get('vigia.heartbeat'), settings.refresh()]),
    storeBacklog: () => ({
      waitingMs: repo.backlog().waitingMs,
      queued: repo.backlog().queued + monitor.health().pendingRows + alarms.backlog() + notify.backlog(),
    }),
  });
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

  // --- Optical (Padtec Smart API): one collector process reads every endpoint -----------------
  const optical = await OpticalService.start({
    repo,
    cipher,
    transport: workerOpticalTransport(
      supervisor.supervise({ name: 'optical', entry: resolveWorkerEntry('optical'), api: opticalWorkerApi }),
    ),
    alarms,
    log,
  });
  const opticalDemo = options.demo ? await startOpticalDemo(optical, repo, log) : null;
  // --- end optical -------------------------------------------------------------------------------
  // ── Configuration backup ──
  const backup = startBackup({
    repo,
    cipher,
    alarms,
    supervisor,
    demoTransport: options.demo ? await createDemoBackupTransport(repo, cipher) : null,
    log,
  });
  // ── end of configuration backup ──

  const call = createDispatcher(
    createApiHandlers({
      repo,
      bus,
      monitor,
      alarms,
      snmp: snmpApiHandlers({ repo, cipher, monitor: snmpMonitor, transport: snmpTransport }),
      notify: notify.handlers(),
      settings: settingsApiHandlers(settings, snmpLimitsHandlers(repo, Date.now)),
      optical: opticalApiHandlers(optical),
      backup: backup.handlers,
      info,
      health: () => health.current(),
      now: Date.now,
      inventoryChanged: async () => {
        await monitor.reload();
        await snmpMonitor.reload();
      },
    }),
  );
  monitor.onCycle(() => health.publish());
  supervisor.onHealthChange(() => health.publish());
  monitor.start();
  await snmpMonitor.start();
  alarmRetention.start();
  health.start();

  return {
    repo,
    alarms,
    info,
    health: () => health.current(),
    call,
    subscribe: (listener) => bus.subscribe(listener),
    async stop() {
      health.stop();
      stopApplying();
      await alarmRetention.stop();
      await monitor.stop();
      await snmpMonitor.stop();
      await alarms.idle();
      await opticalDemo?.close();
      await optical.stop();
      await notify.stop();
      stopFollowing();
      await backup.stop();
      await supervisor.stopAll();
      await repo.close();
    },
  };
}
