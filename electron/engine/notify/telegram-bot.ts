import { Bot, type Context } from 'grammy';
import type { z } from 'zod';
import type { MaintenanceScope, MaintenanceStart } from '../../../shared/contract/api';
import type { Alarm, Device, DeviceState, DeviceStatus, Tower } from '../../../shared/contract/entities';
import type { TelegramChat } from '../../../shared/contract/notify';
import { translate, type Language, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { scrubToken } from './telegram-channel';
import { parseMaintArgs, resolveTarget } from './telegram-commands';

/**
 * What the bot may do in the engine, and no more: read the network's state, acknowledge alarms,
 * open and close maintenance windows. Each action is validated and audited by the engine.
 */
export interface TelegramBotPort {
  statuses(): DeviceStatus[];
  devices(): Device[];
  towers(): Tower[];
  /** Open alarms, active or acknowledged. */
  openAlarms(): Alarm[];
  acknowledge(ids: number[], by: string, note: string): Promise<Alarm[]>;
  startMaintenance(input: MaintenanceStartInput): Promise<void>;
  endMaintenance(target: MaintenanceScope, by: string): Promise<void>;
}

export interface TelegramBotOptions {
  token: string;
  apiRoot: string | null;
  chats: () => TelegramChat[];
  engine: TelegramBotPort;
  /** The workstation's language, for chats not (yet) in the settings. */
  defaultLanguage: () => Language;
  log(message: string): void;
  /** How long to wait before polling again after a failure. */
  retryMs?: number;
}

/** The chat's user is the actor: the bot names them ("telegram:<user>"). */
type MaintenanceStartInput = z.input<typeof MaintenanceStart> & { by: string };

const DOWN_LIST = 30;

/**
 * The two-way side of Telegram: commands and the alarm messages' buttons, from the chats the
 * settings allow to command, each action going through the engine's validated API and so into
 * the audit log with the Telegram user as its author.
 */
export class TelegramBot {
  private readonly bot: Bot;
  private running = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: TelegramBotOptions) {
    this.bot = new Bot(options.token, {
      client: {
        ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {}),
        timeoutSeconds: 60,
      },
    });
    this.bot.use(async (ctx, next) => {
      if (this.chat(ctx)?.commands) return next();
      this.options.log(`telegram: refused an update from chat ${ctx.chat?.id ?? '?'}`);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: this.say(ctx, 'telegram.refused') });
      else if (ctx.chat) await ctx.reply(this.say(ctx, 'telegram.refused'));
    });
    this.bot.command('status', (ctx) => this.status(ctx));
    this.bot.command('down', (ctx) => this.down(ctx));
    this.bot.command('ack', (ctx) => this.ack(ctx, ctx.match));
    this.bot.command('maint', (ctx) => this.maint(ctx, ctx.match));
    this.bot.command('unmaint', (ctx) => this.unmaint(ctx, ctx.match));
    this.bot.command(['start', 'help'], (ctx) => ctx.reply(this.say(ctx, 'telegram.help')));
    this.bot.callbackQuery(/^ack:(\d+)$/, (ctx) => this.ackButton(ctx, Number(ctx.match[1])));
    this.bot.callbackQuery(/^maint:(\d+)$/, (ctx) => this.maintButton(ctx, Number(ctx.match[1])));
    this.bot.catch((error) =>
      this.options.log(`telegram: ${this.safe((error.error as Error)?.message ?? String(error.error))}`),
    );
  }

  start(): void {
    this.running = true;
    void this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retry) clearTimeout(this.retry);
    if (this.bot.isRunning()) await this.bot.stop().catch(() => undefined);
  }

  private async poll(): Promise<void> {
    try {
      await this.bot.start({ allowed_updates: ['message', 'callback_query'], drop_pending_updates: false });
    } catch (error) {
      if (!this.running) return;
      this.options.log(`telegram: polling stopped: ${this.safe((error as Error).message)}`);
      this.retry = setTimeout(() => void this.poll(), this.options.retryMs ?? 30_000);
    }
  }

  private safe(message: string): string {
    return scrubToken(message, this.options.token);
  }

  private chat(ctx: Context): TelegramChat | undefined {
    const id = ctx.chat?.id;
    if (id === undefined) return undefined;
    const username = ctx.chat && 'username' in ctx.chat ? ctx.chat.username : undefined;
    return this.options
      .chats()
      .find(
        (chat) => chat.chatId === String(id) || (username !== undefined && chat.chatId === `@${username}`),
      );
  }

  private language(ctx: Context): Language {
    return this.chat(ctx)?.language ?? this.options.defaultLanguage();
  }

  /** A text in the chat's language. */
  private say(ctx: Context, key: MessageKey, params?: MessageParams): string {
    return translate(this.language(ctx), key, params);
  }

  private actor(ctx: Context): string {
    const from = ctx.from;
    return from ? `telegram:${from.username ? `@${from.username}` : from.id}`.slice(0, 80) : 'telegram';
  }

  private async attempt(ctx: Context, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await ctx.reply(this.say(ctx, 'telegram.failed', { reason: (error as Error).message }));
    }
  }

  private async status(ctx: Context): Promise<void> {
    const { engine } = this.options;
    const counts = new Map<DeviceState, number>();
    for (const status of engine.statuses()) counts.set(status.state, (counts.get(status.state) ?? 0) + 1);
    const summary = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([state, n]) => `${n} ${this.say(ctx, `telegram.state.${state}`)}`)
      .join(', ');
    const active = engine.openAlarms().filter((alarm) => alarm.state === 'active').length;
    await ctx.reply(this.say(ctx, 'telegram.status', { counts: summary || '0', alarms: active }));
  }

  private async down(ctx: Context): Promise<void> {
    const { engine } = this.options;
    const statuses = engine.statuses().filter((status) => status.state === 'down');
    if (statuses.length === 0) return void (await ctx.reply(this.say(ctx, 'telegram.noneDown')));
    const devices = new Map(engine.devices().map((d) => [d.id, d]));
    const lines = statuses
      .sort((a, b) => a.since - b.since)
      .slice(0, DOWN_LIST)
      .map((status) => {
        const device = devices.get(status.deviceId);
        return `🔴 ${device?.name ?? status.deviceId} (${device?.host ?? '?'})`;
      });
    if (statuses.length > DOWN_LIST)
      lines.push(this.say(ctx, 'telegram.more', { count: statuses.length - DOWN_LIST }));
    await ctx.reply([this.say(ctx, 'telegram.down', { count: statuses.length }), ...lines].join('\n'));
  }

  private async ack(ctx: Context, args: string): Promise<void> {
    const [first, ...rest] = args.trim().split(/\s+/);
    const id = Number(first?.replace(/^#/, ''));
    if (!Number.isSafeInteger(id) || id <= 0)
      return void (await ctx.reply(this.say(ctx, 'telegram.ackUsage')));
    await this.attempt(ctx, async () => {
      const acked = await this.options.engine.acknowledge([id], this.actor(ctx), rest.join(' '));
      await ctx.reply(
        acked.length
          ? this.say(ctx, 'telegram.acked', { ids: acked.map((a) => `#${a.id}`).join(', ') })
          : this.say(ctx, 'telegram.noAlarm', { id: `#${id}` }),
      );
    });
  }

  private async maint(ctx: Context, args: string): Promise<void> {
    const parsed = parseMaintArgs(args);
    if (!parsed) return void (await ctx.reply(this.say(ctx, 'telegram.maintUsage')));
    const target = resolveTarget(parsed.target, this.options.engine.devices(), this.options.engine.towers());
    if (!target)
      return void (await ctx.reply(this.say(ctx, 'telegram.unknownTarget', { target: parsed.target })));
    await this.attempt(ctx, async () => {
      await this.options.engine.startMaintenance({
        target: target.scope,
        minutes: parsed.minutes,
        reason: parsed.reason ?? 'Telegram',
        by: this.actor(ctx),
      });
      const until =
        parsed.minutes === null
          ? this.say(ctx, 'telegram.untilEnded')
          : this.say(ctx, 'telegram.forMinutes', { minutes: parsed.minutes });
      await ctx.reply(this.say(ctx, 'telegram.maintOn', { label: target.label, until }));
    });
  }

  private async unmaint(ctx: Context, args: string): Promise<void> {
    if (!args.trim()) return void (await ctx.reply(this.say(ctx, 'telegram.unmaintUsage')));
    const target = resolveTarget(args, this.options.engine.devices(), this.options.engine.towers());
    if (!target)
      return void (await ctx.reply(this.say(ctx, 'telegram.unknownTarget', { target: args.trim() })));
    await this.attempt(ctx, async () => {
      await this.options.engine.endMaintenance(target.scope, this.actor(ctx));
      await ctx.reply(this.say(ctx, 'telegram.maintOff', { label: target.label }));
    });
  }

  private async ackButton(ctx: Context, alarmId: number): Promise<void> {
    try {
      const acked = await this.options.engine.acknowledge([alarmId], this.actor(ctx), 'Telegram');
      await ctx.answerCallbackQuery({
        text: acked.length
          ? this.say(ctx, 'telegram.acked', { ids: `#${alarmId}` })
          : this.say(ctx, 'telegram.noAlarm', { id: `#${alarmId}` }),
      });
    } catch (error) {
      await ctx.answerCallbackQuery({ text: this.failure(ctx, error) });
    }
  }

  private async maintButton(ctx: Context, alarmId: number): Promise<void> {
    try {
      const alarm = this.options.engine.openAlarms().find((candidate) => candidate.id === alarmId);
      const scope = alarm?.deviceId
        ? ({ scope: 'device', id: alarm.deviceId } as const)
        : alarm?.towerId
          ? ({ scope: 'tower', id: alarm.towerId } as const)
          : null;
      if (!scope)
        return void (await ctx.answerCallbackQuery({
          text: this.say(ctx, 'telegram.noAlarm', { id: `#${alarmId}` }),
        }));
      await this.options.engine.startMaintenance({
        target: scope,
        minutes: 60,
        reason: this.say(ctx, 'telegram.maintReason', { id: alarmId }),
        by: this.actor(ctx),
      });
      await ctx.answerCallbackQuery({
        text: this.say(ctx, 'telegram.maintOn', {
          label: `#${alarmId}`,
          until: this.say(ctx, 'telegram.forMinutes', { minutes: 60 }),
        }),
      });
    } catch (error) {
      await ctx.answerCallbackQuery({ text: this.failure(ctx, error) });
    }
  }

  /** A callback answer holds 200 characters at most. */
  private failure(ctx: Context, error: unknown): string {
    return this.say(ctx, 'telegram.failed', { reason: (error as Error).message }).slice(0, 190);
  }
}
