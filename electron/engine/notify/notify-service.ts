import { hostname } from 'node:os';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { ApiParsedInput } from '../../../shared/contract/api';
import type {
  NotifyConfig,
  NotifyConfigView,
  NotifyLanguage,
  notifyApiMethods,
} from '../../../shared/contract/notify';
import type { BackoffRule, BreakerRule } from '../../../shared/domain/notify/delivery-policy';
import { NOTIFY_CONFIG_KEY } from '../../../shared/domain/notify/defaults';
import { eventText } from '../../../shared/domain/notify/event';
import { NotificationHold } from '../../../shared/domain/notify/hold';
import { sampleEvent, composeMessages } from '../../../shared/domain/notify/template';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { EventBus } from '../event-bus';
import { assertDestinationAllowed, DestinationRefused } from '../net/outbound-guard';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import type { RemoteChannel } from './channel';
import { DeliveryError } from './delivery-error';
import { createDesktopAlerts } from './desktop-alerts';
import { NotificationRouter, type AlarmSubjects } from './notification-router';
import {
  loadNotifySettings,
  secretHint,
  storedNotifyVersion,
  writeNotifySecrets,
  type NotifySecrets,
} from './notify-settings';
import { OutboxSender, type ResolvedDestination } from './outbox-sender';
import { TelegramBot, type TelegramBotPort } from './telegram-bot';
import {
  configuredDestinations,
  nextSecrets,
  tokenFor,
  tokenRefusal,
  webhookRefusal,
  webhookSecretFor,
} from './secret-binding';
import { createTelegramChannel } from './telegram-channel';
import { postWebhook } from './webhook-channel';

type NotifyMethod = keyof typeof notifyApiMethods;
export type NotifyApiHandlers = Pick<ApiHandlers, NotifyMethod>;

export interface NotifyServiceOptions {
  repo: Repository;
  bus: EventBus;
  cipher: SecretCipher;
  /** Where alerts look up names; default the store (the engine passes its inventory: no store read). */
  subjects?: AlarmSubjects;
  /** What the Telegram bot's commands may read and do in the engine. */
  bot: TelegramBotPort;
  log(message: string): void;
  /** Whether a desktop host shows `notify.desktop` events (not so on the headless server). */
  desktop: boolean;
  /** The workstation's settings: its language (desktop alerts, tests, unknown chats) and "do not disturb". */
  workstation: () => { language: NotifyLanguage; paused: boolean };
  /** Whether webhooks and the Bot API may be on this machine (link-local and metadata: never). */
  allowLoopback?: boolean;
  /** Stable per workstation and data folder: its claims are released after a restart. */
  owner?: string;
  now?: () => number;
  sendTimeoutMs?: number;
  pollMs?: number;
  backoff?: BackoffRule;
  breaker?: BreakerRule;
  /**
   * How often the stored configuration is re-read, for a store other workstations write too
   * (shared PostgreSQL); null or absent: only on a settings change.
   */
  refreshMs?: number | null;
  /**
   * Whether this instance sends Telegram and webhooks and runs the bot from the start (default).
   * Several instances on one PostgreSQL: only the default poller group's leader does (see lead()).
   */
  sending?: boolean;
  /** Asked before every claim and send: whether this instance still leads (see OutboxSender). */
  mayDeliver?: () => boolean;
}

const REPLAY_MS = 15 * 60_000;
const SHARED_OUTBOX_STALL_MS = 60_000;
const KEEP_FINISHED_MS = 7 * 86_400_000;

/**
 * Alert delivery: desktop notifications, the Telegram bot and webhooks, fed by the engine's
 * alarm events through the durable outbox, reconfigured live from the settings.
 */
export class NotifyService {
  private config: NotifyConfig;
  private secrets: NotifySecrets;
  private readonly router: NotificationRouter;
  /** Symptoms of a mass outage or of the uplink down wait for their cause's summary. */
  private readonly hold = new NotificationHold();
  private readonly sender: OutboxSender;
  private readonly desktop;
  private bot: TelegramBot | null = null;
  private telegram: { key: string; channel: RemoteChannel } | null = null;
  /** Bot restarts run one after another: two pollers on one token conflict at Telegram. */
  private botChange: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private unsubscribe: (() => void) | null = null;
  private cleanup: NodeJS.Timeout | null = null;
  private refresher: NodeJS.Timeout | null = null;
  /** The stored settings this service last adopted (see storedNotifyVersion). */
  private storedVersion = '';
  /** Saves and re-reads one at a time, so a re-read never adopts what a save is replacing. */
  private configTail: Promise<unknown> = Promise.resolve();
  /** Whether this instance routes alarms into the outbox, sends it and runs the bot. */
  private sending: boolean;
  /** Role changes (lead / follow) one after another. */
  private roleTail: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: NotifyServiceOptions,
    config: NotifyConfig,
    secrets: NotifySecrets,
  ) {
    this.config = config;
    this.secrets = secrets;
    this.sending = options.sending ?? true;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.sendTimeoutMs ?? 15_000;
    this.router = new NotificationRouter({
      repo: options.repo,
      subjects: options.subjects ?? {
        device: (id) => options.repo.devices.get(id),
        tower: (id) => options.repo.towers.get(id),
      },
      deliver: (message) => this.sender.enqueue(message),
      config: () => this.config,
      enqueued: () => this.sender.wake(),
      log: options.log,
      now: this.now,
      held: (alarm, kind) => this.hold.isHeld(alarm, kind),
    });
    this.sender = new OutboxSender({
      repo: options.repo,
      owner: options.owner ?? `${hostname()}`,
      resolve: (channel, destination) => this.resolve(channel, destination),
      groupWindowMs: () => this.config.groupWindowS * 1000,
      log: options.log,
      now: this.now,
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.breaker ? { breaker: options.breaker } : {}),
      // Several instances: a message is sent only once it is in the shared outbox (never from this
      // process's memory while the store stalls), so the next leader cannot send it a second time.
      ...(options.mayDeliver ? { mayDeliver: options.mayDeliver, stallMs: SHARED_OUTBOX_STALL_MS } : {}),
    });
    this.desktop = createDesktopAlerts({
      preferences: async () => ({ ...this.config.desktop, ...options.workstation() }),
      publish: (alert) => options.bus.publish({ type: 'notify.desktop', ...alert }),
      log: options.log,
    });
  }

  static async start(options: NotifyServiceOptions): Promise<NotifyService> {
    const storedVersion = await storedNotifyVersion(options.repo);
    const { config, secrets } = await loadNotifySettings(options.repo, options.cipher, options.log);
    const service = new NotifyService(options, config, secrets);
    service.storedVersion = storedVersion;
    service.hold.restore(await options.repo.alarms.open());
    service.unsubscribe = options.bus.subscribe((event) => {
      for (const notice of service.hold.admitEvent(event)) {
        if (service.sending) service.router.onEvent(notice);
        service.desktop.onEvent(notice);
      }
      if (event.type === 'settings.changed') void service.refresh();
    });
    if (options.refreshMs) service.refresher = setInterval(() => void service.refresh(), options.refreshMs);
    // The replay of the last minutes into the outbox runs behind the start, as a leader's takeover
    // does: live events route meanwhile (the idempotency keys keep the two from sending twice), so
    // a restarted engine's first cycle does not wait for thousands of outbox rows to be checked.
    if (service.sending)
      service.roleTail = service.takeUpSending().catch((error: unknown) => {
        options.log(`notify: replaying recent alarms after the start failed: ${(error as Error).message}`);
        return service.sender
          .start()
          .catch((again: unknown) =>
            options.log(`notify: the outbox did not start: ${(again as Error).message}`),
          );
      });
    service.cleanup = setInterval(
      () =>
        void options.repo.outbox
          .deleteFinishedBefore(service.now() - KEEP_FINISHED_MS)
          .catch(() => undefined),
      3_600_000,
    );
    return service;
  }

  /**
   * This instance becomes (true) or stops being (false) the one that sends Telegram and webhooks
   * and runs the bot. Taking over replays the recent alarms into the outbox: an alarm the previous
   * sender stored but never queued is not lost, and one it queued keeps its idempotency key.
   */
  lead(sending: boolean): Promise<void> {
    this.roleTail = this.roleTail.then(async () => {
      if (sending === this.sending) return;
      // Live events route from now on; the replay covers what came before.
      this.sending = sending;
      if (sending) {
        await this.takeUpSending().catch(async (error: unknown) => {
          this.sending = false;
          await this.sender.stop();
          throw error;
        });
        return;
      }
      await this.router.idle();
      await this.sender.stop();
      await this.stopBot();
    });
    return this.roleTail;
  }

  private async takeUpSending(): Promise<void> {
    await this.router.replayRecent(this.now(), REPLAY_MS);
    await this.sender.start();
    this.restartBot();
  }

  private stopBot(): Promise<void> {
    this.botChange = this.botChange.then(async () => {
      await this.bot?.stop();
      this.bot = null;
    });
    return this.botChange;
  }

  async stop(): Promise<void> {
    await this.roleTail;
    this.unsubscribe?.();
    this.desktop.stop();
    if (this.cleanup) clearInterval(this.cleanup);
    if (this.refresher) clearInterval(this.refresher);
    await this.configTail;
    await this.router.idle();
    await this.sender.stop();
    await this.stopBot();
  }

  /**
   * Takes up the configuration as stored now, when someone else changed it (another workstation
   * on the shared store): chats, webhooks, templates and secrets apply to the next message, and
   * the bot restarts only when what it runs on changed. Nothing changed: nothing is opened.
   */
  refresh(): Promise<void> {
    return this.serialConfig(async () => {
      const version = await storedNotifyVersion(this.options.repo);
      if (version === this.storedVersion) return;
      const { config, secrets } = await loadNotifySettings(
        this.options.repo,
        this.options.cipher,
        this.options.log,
      );
      this.storedVersion = version;
      this.adopt(config, secrets, 'if-changed');
    }).catch((error: unknown) =>
      this.options.log(`notify: the settings could not be re-read (${(error as Error).message})`),
    );
  }

  /** An operator's save restarts the bot always (a fresh start on demand); a re-read only on change. */
  private adopt(config: NotifyConfig, secrets: NotifySecrets, restartBot: 'always' | 'if-changed'): void {
    const bot = this.botSettings();
    this.config = config;
    this.secrets = secrets;
    if (restartBot === 'always' || this.botSettings() !== bot) this.restartBot();
    if (this.sending) this.sender.wake();
  }

  /** What the Telegram bot runs on: a change here restarts it, a renamed chat does not. */
  private botSettings(): string {
    const { telegram } = this.config;
    const token = tokenFor(this.secrets, telegram.apiRoot);
    return JSON.stringify([
      telegram.enabled,
      telegram.apiRoot,
      token,
      telegram.chats.some((chat) => chat.commands),
    ]);
  }

  private serialConfig<T>(work: () => Promise<T>): Promise<T> {
    const next = this.configTail.then(work, work);
    this.configTail = next.catch(() => undefined);
    return next;
  }

  /** Messages and outcomes the store has not taken yet (the engine's health shows them). */
  backlog(): number {
    return this.sender.backlog();
  }

  /** Resolves once every alarm event so far is in the outbox, the start's replay included (tests and benchmarks). */
  idle(): Promise<void> {
    return this.roleTail.then(() => this.router.idle());
  }

  handlers(): NotifyApiHandlers {
    return {
      'notify.config.get': async () => this.view(),
      'notify.config.set': (input, caller) => this.serialConfig(() => this.save(input, caller.name)),
      'notify.test': async ({ target }) => {
        const language = this.language();
        try {
          await this.test(target);
          return { ok: true, error: null };
        } catch (error) {
          if (error instanceof DestinationRefused) return { ok: false, error: error.text(language) };
          return { ok: false, error: (error as Error).message };
        }
      },
      'notify.status': async () => {
        const stats = await this.options.repo.outbox.stats(this.now() - 3_600_000);
        const failures = await this.options.repo.outbox.recentFailures(20);
        return {
          pending: stats.pending,
          failed: stats.failed,
          sentLastHour: stats.sent,
          destinations: this.sender.destinations(),
          recentFailures: failures.map((row) => ({
            channel: row.channel,
            destination: row.destination,
            error: row.lastError,
            createdAt: row.createdAt,
          })),
        };
      },
    };
  }

  private async save(
    { config, telegramToken, webhookSecrets }: ApiParsedInput<'notify.config.set'>,
    by: string,
  ): Promise<NotifyConfigView> {
    const language = this.language();
    for (const url of configuredDestinations(config)) {
      // Names are resolved when sending; a literal forbidden address is refused at once.
      await assertDestinationAllowed(url, this.policy, { resolve: false }).catch((error: unknown) => {
        if (!(error instanceof DestinationRefused)) throw error;
        throw invalidInput(error.text(language), [{ path: 'config', message: error.text(language) }]);
      });
    }
    const next = nextSecrets(this.secrets, { config, telegramToken, webhookSecrets }, language);
    await writeNotifySecrets(this.options.repo, this.options.cipher, next);
    await this.options.repo.settings.set(NOTIFY_CONFIG_KEY, config);
    await this.options.repo.audit.add({
      at: this.now(),
      actor: by,
      action: 'notify.config.set',
      target: NOTIFY_CONFIG_KEY,
      details: `telegram ${config.telegram.enabled ? 'on' : 'off'}, ${config.telegram.chats.length} chat(s), ${config.webhooks.length} webhook(s)${telegramToken !== undefined ? ', token changed' : ''}`,
    });
    this.storedVersion = await storedNotifyVersion(this.options.repo);
    this.adopt(config, next, 'always');
    return this.view();
  }

  private get policy() {
    return { allowLoopback: this.options.allowLoopback ?? false };
  }

  private language(): NotifyLanguage {
    return this.options.workstation().language;
  }

  /** Refused destinations are a permanent failure for the sender; no retry changes an address. */
  private async guard(url: string): Promise<void> {
    try {
      await assertDestinationAllowed(url, this.policy);
    } catch (error) {
      if (!(error instanceof DestinationRefused)) throw error;
      throw new DeliveryError(error.text(this.language()), error.reason === 'unresolved');
    }
  }

  private view(): NotifyConfigView {
    return {
      config: this.config,
      telegramToken: secretHint(this.secrets.telegramToken),
      webhookSecrets: Object.fromEntries(
        this.config.webhooks.map((hook) => [hook.id, secretHint(this.secrets.webhooks[hook.id])]),
      ),
    };
  }

  /**
   * The sender asks for a destination every time it sends; the client for the current token and
   * API root is built once. Chats' languages are read when a message goes, not when it is built.
   */
  private telegramChannel(token: string, apiRoot: string | null): RemoteChannel {
    const key = `${apiRoot ?? ''}\u0000${token}`;
    if (this.telegram?.key !== key) {
      const channel = createTelegramChannel(
        { token, apiRoot, timeoutMs: this.timeoutMs },
        (chatId) =>
          this.config.telegram.chats.find((chat) => chat.chatId === chatId)?.language ??
          this.options.workstation().language,
      );
      this.telegram = {
        key,
        channel: {
          send: async (chatId, message) => {
            if (apiRoot) await this.guard(apiRoot);
            return channel.send(chatId, message);
          },
        },
      };
    }
    return this.telegram.channel;
  }

  private resolve(channel: string, destination: string): ResolvedDestination | null {
    const { config } = this;
    if (channel === 'telegram') {
      const chat = config.telegram.chats.find((candidate) => candidate.chatId === destination);
      const token = tokenFor(this.secrets, config.telegram.apiRoot);
      if (!chat || !config.telegram.enabled) return null;
      const sendable: RemoteChannel = token
        ? this.telegramChannel(token, config.telegram.apiRoot)
        : {
            send: () => Promise.reject(new DeliveryError('Telegram: no bot token in the settings', false)),
          };
      return {
        channel: sendable,
        language: chat.language,
        templates: config.templates[chat.language],
        perMinute: config.telegram.perChatPerMinute,
      };
    }
    if (channel === 'webhook') {
      const hook = config.webhooks.find((candidate) => candidate.id === destination);
      if (!hook) return null;
      const secret = webhookSecretFor(this.secrets, hook.id, hook.url);
      return {
        channel: {
          send: async (_, message, key) => {
            if (!secret) throw new DeliveryError(`Webhook ${hook.name}: no signing secret set`, false);
            await this.guard(hook.url);
            return postWebhook({ url: hook.url, secret }, message, key, this.timeoutMs, hook.language);
          },
        },
        language: hook.language,
        templates: config.templates[hook.language],
        perMinute: 600,
      };
    }
    return null;
  }

  private async test(target: ApiParsedInput<'notify.test'>['target']): Promise<void> {
    const { language } = this.options.workstation();
    const event = sampleEvent('raised', this.now());
    const title = language === 'pt-BR' ? 'Teste do Vigia' : 'Vigia test';
    if (target.channel === 'desktop') {
      if (!this.options.desktop)
        throw new Error('Desktop notifications are shown by the desktop app; this is the headless server');
      this.options.bus.publish({
        type: 'notify.desktop',
        title,
        body: eventText(event, language),
        deviceId: null,
      });
      return;
    }
    const [message] = composeMessages(this.config.templates[language], [event], language);
    const text = `${title}\n${message?.text ?? ''}`;
    if (target.channel === 'telegram') {
      const apiRoot = target.apiRoot === undefined ? this.config.telegram.apiRoot : target.apiRoot;
      const token = target.token ?? tokenFor(this.secrets, apiRoot);
      if (!token && this.secrets.telegramToken) throw new Error(tokenRefusal(language, apiRoot));
      if (!token) throw new Error('Telegram: no bot token — type one and test again');
      if (apiRoot) await assertDestinationAllowed(apiRoot, this.policy);
      await this.telegramChannel(token, apiRoot).send(target.chatId, { text, events: [] }, 'test');
      return;
    }
    const stored = target.id ? this.secrets.webhooks[target.id] : undefined;
    const secret =
      target.secret ?? (target.id ? webhookSecretFor(this.secrets, target.id, target.url) : null);
    if (!secret && stored) {
      const name = this.config.webhooks.find((hook) => hook.id === target.id)?.name ?? target.id!;
      throw new Error(webhookRefusal(language, name, target.url));
    }
    if (!secret) throw new Error('Webhook: no signing secret — type one and test again');
    await assertDestinationAllowed(target.url, this.policy);
    await postWebhook(
      { url: target.url, secret },
      { text, events: [event] },
      `test:${this.now()}`,
      this.timeoutMs,
      language,
    );
  }

  private restartBot(): void {
    this.botChange = this.botChange.then(async () => {
      await this.bot?.stop();
      this.bot = null;
      if (!this.sending) return;
      const { telegram } = this.config;
      const token = tokenFor(this.secrets, telegram.apiRoot);
      if (!telegram.enabled || !token || !telegram.chats.some((chat) => chat.commands)) return;
      if (telegram.apiRoot) {
        const refused = await assertDestinationAllowed(telegram.apiRoot, this.policy).then(
          () => null,
          (error: unknown) => error as Error,
        );
        if (refused) {
          this.options.log(`notify: the Telegram bot does not start: ${refused.message}`);
          return;
        }
      }
      this.bot = new TelegramBot({
        token,
        apiRoot: telegram.apiRoot,
        chats: () => this.config.telegram.chats,
        engine: this.options.bot,
        defaultLanguage: () => this.options.workstation().language,
        log: this.options.log,
      });
      this.bot.start();
    });
  }
}
