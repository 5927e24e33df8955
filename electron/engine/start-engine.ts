import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/api';
import type { EngineHealth } from '../../shared/contract/events';
import { pingerApi, type PingerMode, type PingTransport } from '../../shared/contract/pinger';
import { snmpApi } from '../../shared/contract/snmp';
import { AccountService, type AccessMode } from './accounts/account-service';
import { localUserName } from './accounts/local-user';
import { AlarmRetention } from './alarms/alarm-retention';
import { AlarmService } from './alarms/alarm-service';
import type { AlarmPort } from './alarms/port';
import { createApiHandlers } from './api/handlers';
import { startBackup } from './backup/start-backup';
import { createDemoBackupTransport } from './demo/demo-backup';
import { createDispatcher } from './api/dispatch';
import { workerPingTransport } from './collectors/pinger-port';
import { workerNeighbourReader, workerSnmpTransport } from './collectors/snmp-port';
import { createDemoNeighbourReader } from './demo/demo-neighbours';
import { TopologyService } from './topology/topology-service';
import { topologyApiHandlers } from './topology/api-handlers';
import type { Spawner } from './collectors/spawner';
import { Supervisor } from './collectors/supervisor';
import { resolveWorkerEntry } from './collectors/worker-entry';
import { createDemoTransport } from './demo/demo-transport';
import { seedDemoNetwork } from './demo/seed';
import { seedDemoHistory } from './demo/history';
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
import { startTraps } from './traps/start-traps';
import { openStore, type StoreConfig } from './store/open-store';
import type { Repository } from './store/repository';
import { createFileKeyCipher, type SecretCipher } from './store/secret-cipher';
import { startSynthetic } from './synthetic/start-synthetic';
import { createDemoSyntheticRunner, seedDemoSynthetic } from './demo/demo-synthetic';
import { openFileLog } from './logging/file-logger';
import { startObservability } from './observability/start-observability';
import { StoreBackupService } from './store-backup/store-backup-service';
import { storeBackupApiHandlers } from './store-backup/api-handlers';
import { SelfMonitor } from './self/self-monitor';
import { selfApiHandlers } from './self/api-handlers';
import { opticalWorkerApi } from '../../shared/contract/optical-worker';
import { workerOpticalTransport } from './collectors/optical-port';
import { startOpticalDemo } from './demo/optical-demo';
import { opticalApiHandlers } from './optical/api-handlers';
import { OpticalService } from './optical/optical-service';
import { outageApiHandlers } from './outage/api-handlers';
import { MemoryUplink } from './outage/memory-uplink';
import { OutageService } from './outage/outage-service';
import type { UplinkSignal } from './outage/uplink-port';
import { reportsApiHandlers } from './reports/api-handlers';
import {
  clusterIdentity,
  dutyRequestsFor,
  leasesFor,
  startCluster,
  type ClusterIdentity,
} from './cluster/start-cluster';
import { DEFAULT_POLLER_GROUP } from '../../shared/contract/cluster';
import { liveStatuses } from './cluster/live-statuses';
import { GroupDutyBoard } from './cluster/group-duty';

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
  /** This computer's user, the actor of every call with local access; default: the OS user. */
  defaultOperator?: string;
  /** local (default): every call is this computer's user as admin; accounts: sign-in required. */
  access?: AccessMode;
  /** Webhooks and the Bot API may be on this machine (an administrator's explicit choice). */
  allowLoopbackDestinations?: boolean;
  /** The network the monitor probes, when the caller brings its own (tests); default: the pinger worker, or the demo's. */
  pingTransport?: PingTransport;
  /** The NOC's uplink as its marked checks see it; default: never down (see "is it us?" below). */
  uplink?: UplinkSignal;
}

export interface RunningEngine extends Engine {
  info(): AppInfo;
  health(): EngineHealth;
  readonly repo: Repository;
  /** Where the engine's other alarm sources (optical, backup, synthetic) raise and clear. */
  readonly alarms: AlarmPort;
  /** The first administrator's one-time password, when this start created it (for the host to print). */
  readonly firstAdminPassword: string | null;
  /** The NOC's uplink as its uplink-marked synthetic checks see it ("is it us?"). */
  readonly uplink: UplinkSignal;
}

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
  const identity = clusterIdentity(options.dataDir);
  const configured = options.store ?? { dialect: 'sqlite', file: join(options.dataDir, 'vigia.db') };
  // On a shared PostgreSQL every session carries this process's fencing holder (see cluster/).
  const store: StoreConfig =
    configured.dialect === 'postgres' ? { ...configured, fenceAs: identity.holder } : configured;
  const repo = await openStore(store).catch(async (error: unknown) => {
    await fileLog.close();
    throw error;
  });
  // Whatever started before a failure is stopped again, so a failed start leaves nothing running.
  const supervisor = new Supervisor({
    spawner: options.spawner,
    log: (level, message) => log(`[${level}] ${message}`),
  });
  // What startAround set running before a later part failed (the monitor starts early).
  const undo: (() => Promise<void>)[] = [];
  try {
    const engine = await startAround(repo, supervisor, options, log, startedAt, { identity, store, undo });
    return { ...engine, stop: () => engine.stop().finally(() => fileLog.close()) };
  } catch (error) {
    for (const step of undo) await step().catch(() => undefined);
    await supervisor.stopAll().catch(() => undefined);
    await repo.close().catch(() => undefined);
    await fileLog.close();
    throw error;
  }
}

async function pingTransport(
  repo: Repository,
  supervisor: Supervisor,
  options: StartEngineOptions,
  log: (message: string) => void,
): Promise<PingTransport> {
  if (options.pingTransport) return options.pingTransport;
  if (!options.demo)
    return workerPingTransport(
      supervisor.supervise({ name: 'pinger', entry: resolveWorkerEntry('pinger'), api: pingerApi }),
    );
  const seeded = await seedDemoNetwork(repo);
  if (seeded.seeded) await seedDemoHistory(repo, Date.now());
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
  { identity, store, undo }: { identity: ClusterIdentity; store: StoreConfig; undo: (() => Promise<void>)[] },
): Promise<RunningEngine> {
  const cipher = options.cipher ?? createFileKeyCipher(options.dataDir);
  const bus = new EventBus();
  const transport = await pingTransport(repo, supervisor, options, log);
  const snmpWorker = supervisor.supervise({ name: 'snmp', entry: resolveWorkerEntry('snmp'), api: snmpApi });
  const snmpTransport = workerSnmpTransport(snmpWorker);

  const settings = await SettingsService.open({
    repo,
    bus,
    defaultOperator: options.defaultOperator ?? localUserName(),
  });
  const { accounts, firstAdminPassword } = await AccountService.open({
    repo,
    mode: options.access ?? 'local',
    localUser: options.defaultOperator ?? localUserName(),
    language: () => settings.language(),
    log,
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
  // Several instances on one PostgreSQL: a lease per poller group, timed by the ICMP critical cycle.
  const cycleMs = () => settings.group('monitor').criticalS * 1_000;
  const leases = leasesFor(store, identity, cycleMs, log);
  // A new cycle gives the leases their new length at once (see LeaseKeeper.retime).
  if (leases) settings.onChange('monitor', () => leases.retime());
  // The leader-only work beside the pollers asks it before acting on a subject (see cluster/).
  const duty = new GroupDutyBoard({
    holds: leases && ((group) => leases.holdsNow(group)),
    groupOf: (deviceId) => inventory.groupOf(deviceId),
  });
  // An operator's action on a subject runs on the leader of its group, wherever it was asked.
  const duties = dutyRequestsFor(store, identity, leases, duty, () => settings.language(), log);
  // ── SNMP traps ──
  const traps = startTraps({
    duty,
    repo,
    cipher,
    inventory,
    alarms,
    links: snmpMonitor,
    settings,
    supervisor,
    log,
  });
  // ── end of SNMP traps ──
  // ── Topology: parent links proposed from neighbour tables ──
  const topology = new TopologyService({
    repo,
    cipher,
    reader: options.demo ? createDemoNeighbourReader(repo) : workerNeighbourReader(snmpWorker),
    options: () => snmpOptionsFrom(settings.group('snmp')),
    log,
  });
  // ── end of topology ──
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
    // Other workstations on a shared PostgreSQL change chats and webhooks too: taken up within 5 s.
    refreshMs: repo.dialect === 'postgres' ? 5_000 : null,
    // On a shared PostgreSQL the default poller group's leader alone sends (see cluster/).
    sending: leases === null,
    ...(leases ? { mayDeliver: () => leases.holdsNow(DEFAULT_POLLER_GROUP) } : {}),
    log,
  });
  // Monitoring first: a restarted engine (crash, kill -9, update) probes as soon as its inventory,
  // alarms and alert routing are up; the other parts start around its first cycle.
  if (leases === null) {
    monitor.start();
    undo.push(() => monitor.stop());
  }

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
    ...(leases ? { leadsGroups: () => [...leases.terms().keys()] } : {}),
  });
  let mode: PingerMode = { mode: options.demo ? 'simulated' : 'raw', note: null };
  void transport.mode().then(
    (found) => {
      mode = found;
      if (found.note) log(`ICMP: ${found.mode}, ${found.note}${found.detail ? `: ${found.detail}` : ''}`);
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
    duty,
  });
  const opticalDemo = options.demo ? await startOpticalDemo(optical, repo, log) : null;
  // --- end optical -------------------------------------------------------------------------------
  // ── Configuration backup ──
  const backup = startBackup({
    duty,
    duties,
    repo,
    cipher,
    alarms,
    supervisor,
    demoTransport: options.demo ? await createDemoBackupTransport(repo, cipher) : null,
    log,
  });
  // ── end of configuration backup ──

  // ── Synthetic checks (DNS, HTTP, TCP) and Vigia's own health and metrics (/health, /metrics) ──
  const observability = startObservability({
    repo,
    bus,
    health: () => health.current(),
    syntheticChecks: () => synthetic.service.list(),
    healthHistory: () => selfMonitor.recent(),
    dataDir: options.dataDir,
    about: info,
  });
  const synthetic = await startSynthetic({
    duty,
    duties,
    repo,
    supervisor,
    alarms,
    demo: options.demo ? { runner: createDemoSyntheticRunner(), seed: () => seedDemoSynthetic(repo) } : null,
    log,
    metrics: observability.metrics,
  });
  // Vigia watching itself: health samples, self-alarms (source `self`) and stale SNMP data.
  const selfMonitor = new SelfMonitor({
    repo,
    alarms,
    health: () => health.current(),
    statuses: () => monitor.snapshot(),
    deviceName: (id) => inventory.device(id)?.name,
    log,
    onSample: (sample) => observability.metrics.observeSample(sample),
  });
  // ── end synthetic checks and observability ──
  // ── "Is it us?": the NOC's uplink and the monitor's mass outage ──
  // The uplink-marked synthetic checks decide; under --demo a simulated uplink the API can take
  // down stands in for them (the demo's checks never leave the machine).
  const uplink = options.uplink ?? (options.demo ? new MemoryUplink() : synthetic.uplink);
  const outage = new OutageService({
    uplink,
    alarms,
    bus,
    massOutage: () => monitor.currentMassOutage(),
    onCycle: (listener) => monitor.onCycle(listener),
    log,
  });
  outage.start();
  // ── end of "is it us?" ──

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

  const inventoryChanged = async () => {
    await monitor.reload();
    await snmpMonitor.reload();
    await traps.reconfigure();
  };
  // ── Several instances on one PostgreSQL: poller groups, leases, fencing, the live link ──
  const pollers = {
    start: async () => {
      monitor.start();
      await snmpMonitor.start();
    },
    stop: async () => {
      await monitor.stop();
      await snmpMonitor.stop();
    },
    reload: async () => {
      await monitor.reload();
      await snmpMonitor.reload();
    },
  };
  const cluster = await startCluster({
    identity,
    repo,
    bus,
    store,
    leases,
    pollers,
    duties,
    resyncAlarms: () => alarms.resync(),
    setScope: (scope) => inventory.setScope(scope),
    leadNotifications: (leading) => notify.lead(leading),
    dutiesChanged: () => duty.changed(),
    inventoryChanged,
    language: () => settings.language(),
    log,
  });
  // ── end of several instances ──

  const call = createDispatcher(
    createApiHandlers({
      repo,
      bus,
      monitor,
      alarms,
      snmp: snmpApiHandlers({ repo, cipher, monitor: snmpMonitor, transport: snmpTransport }),
      traps: traps.handlers,
      notify: notify.handlers(),
      settings: settingsApiHandlers(settings, snmpLimitsHandlers(repo, Date.now)),
      optical: opticalApiHandlers(optical, duties),
      backup: backup.handlers,
      accounts,
      outage: outageApiHandlers(outage, options.demo && uplink instanceof MemoryUplink ? uplink : null, () =>
        settings.language(),
      ),
      synthetic: synthetic.handlers,
      observability: observability.handlers,
      storeBackup: storeBackupApiHandlers({ repo, service: storeBackup, now: Date.now }),
      self: selfApiHandlers(selfMonitor, Date.now),
      reports: reportsApiHandlers({ repo, now: Date.now, language: () => settings.language() }),
      topology: topologyApiHandlers(topology, repo, Date.now),
      info,
      health: () => health.current(),
      now: Date.now,
      cluster: cluster.handlers,
      statuses: () => liveStatuses(repo, monitor.snapshot()),
      inventoryChanged,
    }),
    accounts,
    () => settings.language(),
  );
  monitor.onCycle((report) => {
    selfMonitor.cycleFinished(report);
    health.publish();
  });
  supervisor.onHealthChange(() => health.publish());
  // On a shared PostgreSQL the pollers run while this instance leads a group (see cluster/).
  if (leases === null) await pollers.start();
  topology.start();
  alarmRetention.start();
  health.start();
  selfMonitor.start();

  return {
    repo,
    alarms,
    firstAdminPassword,
    uplink: synthetic.uplink,
    info,
    health: () => health.current(),
    call,
    subscribe: (listener) => bus.subscribe(listener),
    async stop() {
      await cluster.stop();
      await selfMonitor.stop();
      health.stop();
      stopApplying();
      await alarmRetention.stop();
      await outage.stop();
      await monitor.stop();
      traps.stop();
      topology.stop();
      await snmpMonitor.stop();
      await alarms.idle();
      await opticalDemo?.close();
      await optical.stop();
      await notify.stop();
      stopFollowing();
      await backup.stop();
      await synthetic.service.stop();
      observability.stop();
      await storeBackup.stop();
      await supervisor.stopAll();
      await repo.close();
    },
  };
}
