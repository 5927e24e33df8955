import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { EventBus } from '../../electron/engine/event-bus';
import { HealthPublisher } from '../../electron/engine/health/health-publisher';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { NotifyService } from '../../electron/engine/notify/notify-service';
import { openStore, type StoreConfig } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import type { Alarm, Device } from '../../shared/contract/entities';
import type { NotifyConfig } from '../../shared/contract/notify';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { FAKE_TOKEN, FakeTelegram, everyAlertChat } from '../helpers/fake-telegram';
import { noEngineBot } from '../helpers/no-engine-bot';
import { ScriptedTransport } from '../helpers/scripted-transport';
import { testCaller } from '../helpers/callers';

export const CHAT = '-100777';

export interface RigOptions {
  /** Default: SQLite in the rig's own folder. */
  store?: (dir: string) => StoreConfig;
  devices: number;
  intervalMs: number;
  /** The engine's clock (the clock-jump scenario moves it); default Date.now. */
  now?: () => number;
  /** Devices created when the store is new; false when reopening one (a restart). */
  seed?: boolean;
  dir?: string;
  /** The caller runs each cycle itself (`monitor.runCycle()`), on a simulated clock. */
  manualCycles?: boolean;
  /** A webhook alerted beside Telegram (every severity, recoveries too). */
  webhookUrl?: string;
  /**
   * The outbox's own backoff (2 s doubling to 5 min) and breaker (5 failures, 1 min), for a
   * scenario on an accelerated clock; default: short ones, so a real-time scenario recovers fast.
   */
  productDelivery?: boolean;
}

export const HOOK_ID = 'fault-hook';
const HOOK_SECRET = 'fault-rig-webhook-secret';

/**
 * The engine's monitoring path as start-engine wires it — store, inventory, alarm service, ICMP
 * monitor, notifications to a local fake Telegram, health — with a scripted network in place of
 * the pinger, so a fault scenario decides which device is down and counts what comes out.
 */
export class FaultRig {
  readonly bus = new EventBus();
  readonly transport = new ScriptedTransport();
  readonly fake: FakeTelegram;
  /** Every alarm change published, in order: what the store and Telegram must both show. */
  readonly published: { kind: 'raised' | 'cleared'; alarm: Alarm }[] = [];
  readonly cycles: number[] = [];
  readonly logs: string[] = [];
  devices: Device[] = [];
  repo!: Repository;
  alarms!: AlarmService;
  monitor!: Monitor;
  notify!: NotifyService;
  health!: HealthPublisher;
  private stopFollowing: (() => void) | null = null;

  private constructor(
    readonly dir: string,
    private readonly options: RigOptions,
    fake?: FakeTelegram,
  ) {
    this.fake = fake ?? new FakeTelegram([CHAT]);
  }

  private apiRoot = '';

  /** `telegram`: the fake of an earlier rig on the same folder (a restart keeps its record). */
  static async start(
    options: RigOptions,
    telegram?: { fake: FakeTelegram; apiRoot: string },
  ): Promise<FaultRig> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), `vigia-faults-${process.pid}-`));
    const rig = new FaultRig(dir, options, telegram?.fake);
    rig.apiRoot = telegram?.apiRoot ?? (await rig.fake.listen());
    await rig.boot();
    return rig;
  }

  /** Where the fake Telegram listens, to hand it to the rig after a restart. */
  get telegram(): { fake: FakeTelegram; apiRoot: string } {
    return { fake: this.fake, apiRoot: this.apiRoot };
  }

  private async boot(): Promise<void> {
    const { options, dir } = this;
    const log = (line: string) => this.logs.push(line);
    const now = options.now ?? Date.now;
    this.repo = await openStore(options.store?.(dir) ?? { dialect: 'sqlite', file: join(dir, 'vigia.db') });
    if (options.seed !== false && (await this.repo.devices.list()).length === 0)
      await this.repo.devices.createMany(
        Array.from({ length: options.devices }, (_, i) => ({
          name: `AP ${i + 1}`,
          host: `127.77.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        })),
      );
    this.devices = await this.repo.devices.list();
    const inventory = await Inventory.load(this.repo);
    this.stopFollowing = inventory.follow(this.bus);
    this.bus.subscribe((event) => {
      if (event.type === 'alarm.raised') this.published.push({ kind: 'raised', alarm: event.alarm });
      if (event.type === 'alarm.cleared') this.published.push({ kind: 'cleared', alarm: event.alarm });
    });
    this.alarms = await AlarmService.load({ repo: this.repo, bus: this.bus, now, log });
    const ms = options.intervalMs;
    this.monitor = new Monitor({
      repo: this.repo,
      transport: this.transport,
      bus: this.bus,
      alarms: this.alarms,
      inventory,
      clock: { now },
      config: { interval: { criticalMs: ms, unstableMs: ms, stableMs: ms } },
      onError: (error) => log(`cycle failed: ${(error as Error).message}`),
    });
    this.monitor.onCycle(() => this.cycles.push(performance.now()));
    this.notify = await NotifyService.start({
      repo: this.repo,
      bus: this.bus,
      cipher: createFileKeyCipher(dir),
      subjects: {
        device: async (id) => inventory.device(id) ?? null,
        tower: async (id) => inventory.tower(id) ?? null,
      },
      owner: 'fault-rig',
      bot: noEngineBot,
      desktop: false,
      workstation: () => ({ language: 'pt-BR', paused: false }),
      allowLoopback: true,
      log,
      now,
      sendTimeoutMs: 2_000,
      pollMs: 100,
      ...(options.productDelivery
        ? {}
        : { backoff: { baseMs: 200, maxMs: 2_000 }, breaker: { failures: 5, openMs: 2_000 } }),
    });
    // A restart finds the configuration (and the sealed token) where the first start saved it.
    if (options.seed !== false)
      await this.notify.handlers()['notify.config.set'](
        {
          config: telegramConfig(this.apiRoot, options.webhookUrl),
          telegramToken: FAKE_TOKEN,
          webhookSecrets: options.webhookUrl ? { [HOOK_ID]: HOOK_SECRET } : {},
        },
        testCaller,
      );
    this.health = new HealthPublisher({
      bus: this.bus,
      startedAt: Date.now(),
      monitor: () => this.monitor.health(),
      workers: () => [],
      probeStore: () => this.repo.settings.get('vigia.heartbeat'),
      storeBacklog: () => ({
        waitingMs: this.repo.backlog().waitingMs,
        queued:
          this.repo.backlog().queued +
          this.monitor.health().pendingRows +
          this.alarms.backlog() +
          this.notify.backlog(),
      }),
    });
    if (!options.manualCycles) this.monitor.start();
  }

  /** Stops every part (the fake Telegram stays up unless `closeFake`); keeps the folder for a restart. */
  async stop({ closeFake = true, removeDir = true } = {}): Promise<void> {
    await this.monitor.stop();
    await this.alarms.idle();
    await this.notify.stop();
    this.stopFollowing?.();
    await this.repo.close();
    if (closeFake) await this.fake.close();
    if (removeDir && !this.options.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Everything the engine holds for the store has landed. */
  settled(): boolean {
    return this.repo.backlog().queued === 0 && this.alarms.backlog() === 0 && this.notify.backlog() === 0;
  }
}

export const telegramConfig = (apiRoot: string, webhookUrl?: string): NotifyConfig => ({
  ...defaultNotifyConfig,
  groupWindowS: 0,
  webhooks: webhookUrl
    ? [
        {
          id: HOOK_ID,
          name: 'Integração NOC',
          url: webhookUrl,
          language: 'pt-BR',
          severities: ['critical', 'major', 'minor', 'warning', 'info'],
          towerIds: null,
          recoveries: true,
        },
      ]
    : [],
  telegram: {
    enabled: true,
    apiRoot,
    perChatPerMinute: 20,
    chats: [everyAlertChat(CHAT)],
  },
});

/** Waits for `condition`, checking every 50 ms, failing after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
