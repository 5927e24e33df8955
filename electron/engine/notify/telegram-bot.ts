import { Bot, type Context } from 'grammy';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/contract/api';
import type { DeviceState } from '../../../shared/contract/entities';
import type { NotifyLanguage, TelegramChat } from '../../../shared/contract/notify';
import { scrubToken } from './telegram-channel';
import { parseMaintArgs, resolveTarget } from './telegram-commands';

type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

export interface TelegramBotOptions {
  token: string;
  apiRoot: string | null;
  chats: () => TelegramChat[];
  /** The workstation's language, for chats not (yet) in the settings. */
  defaultLanguage: () => NotifyLanguage;
  call: Call;
  log(message: string): void;
  /** How long to wait before polling again after a failure. */
  retryMs?: number;
}

const text = {
  'pt-BR': {
    refused: 'Este chat não está autorizado a comandar o Vigia.',
    status: (counts: string, alarms: number) => `Vigia: ${counts}. Alarmes ativos: ${alarms}.`,
    noneDown: 'Nenhum equipamento fora do ar.',
    down: (n: number) => `${n} fora do ar:`,
    more: (n: number) => `… e mais ${n}`,
    ackUsage: 'Uso: /ack <id> [nota]',
    acked: (ids: string) => `Reconhecido: ${ids}`,
    noAlarm: (id: string) => `Alarme ${id} não está ativo.`,
    maintUsage: 'Uso: /maint <equipamento|torre> <30m|1h|4h|2d|ate-fim> [motivo]',
    unmaintUsage: 'Uso: /unmaint <equipamento|torre>',
    unknownTarget: (t: string) => `Não encontrei um único equipamento ou torre "${t}".`,
    maintOn: (label: string, until: string) => `Manutenção: ${label} ${until}.`,
    forMinutes: (m: number) => `por ${m} min`,
    untilEnded: 'até ser encerrada',
    maintOff: (label: string) => `Manutenção encerrada: ${label}.`,
    help: 'Comandos: /status, /down, /ack <id>, /maint <equipamento|torre> <duração>, /unmaint <equipamento|torre>',
    failed: (why: string) => `Não foi possível: ${why}`,
    states: {
      up: 'no ar',
      down: 'fora',
      unreachable: 'inalcançáveis',
      degraded: 'degradados',
      flapping: 'instáveis',
      maintenance: 'em manutenção',
      unknown: 'sem dados',
    },
  },
  en: {
    refused: 'This chat is not allowed to command Vigia.',
    status: (counts: string, alarms: number) => `Vigia: ${counts}. Active alarms: ${alarms}.`,
    noneDown: 'No device is down.',
    down: (n: number) => `${n} down:`,
    more: (n: number) => `… and ${n} more`,
    ackUsage: 'Usage: /ack <id> [note]',
    acked: (ids: string) => `Acknowledged: ${ids}`,
    noAlarm: (id: string) => `Alarm ${id} is not active.`,
    maintUsage: 'Usage: /maint <device|tower> <30m|1h|4h|2d|until-ended> [reason]',
    unmaintUsage: 'Usage: /unmaint <device|tower>',
    unknownTarget: (t: string) => `No single device or tower "${t}" found.`,
    maintOn: (label: string, until: string) => `Maintenance: ${label} ${until}.`,
    forMinutes: (m: number) => `for ${m} min`,
    untilEnded: 'until ended',
    maintOff: (label: string) => `Maintenance ended: ${label}.`,
    help: 'Commands: /status, /down, /ack <id>, /maint <device|tower> <duration>, /unmaint <device|tower>',
    failed: (why: string) => `Could not do it: ${why}`,
    states: {
      up: 'up',
      down: 'down',
      unreachable: 'unreachable',
      degraded: 'degraded',
      flapping: 'flapping',
      maintenance: 'in maintenance',
      unknown: 'no data',
    },
  },
} as const;

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
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: this.words(ctx).refused });
      else if (ctx.chat) await ctx.reply(this.words(ctx).refused);
    });
    this.bot.command('status', (ctx) => this.status(ctx));
    this.bot.command('down', (ctx) => this.down(ctx));
    this.bot.command('ack', (ctx) => this.ack(ctx, ctx.match));
    this.bot.command('maint', (ctx) => this.maint(ctx, ctx.match));
    this.bot.command('unmaint', (ctx) => this.unmaint(ctx, ctx.match));
    this.bot.command(['start', 'help'], (ctx) => ctx.reply(this.words(ctx).help));
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

  private language(ctx: Context): NotifyLanguage {
    return this.chat(ctx)?.language ?? this.options.defaultLanguage();
  }

  private words(ctx: Context) {
    return text[this.language(ctx)];
  }

  private actor(ctx: Context): string {
    const from = ctx.from;
    return from ? `telegram:${from.username ? `@${from.username}` : from.id}`.slice(0, 80) : 'telegram';
  }

  private async attempt(ctx: Context, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await ctx.reply(this.words(ctx).failed((error as Error).message));
    }
  }

  private async status(ctx: Context): Promise<void> {
    const w = this.words(ctx);
    const [statuses, alarms] = await Promise.all([
      this.options.call('status.snapshot', undefined),
      this.options.call('alarms.list', { states: ['active'], limit: 5_000 }),
    ]);
    const counts = new Map<DeviceState, number>();
    for (const status of statuses) counts.set(status.state, (counts.get(status.state) ?? 0) + 1);
    const summary = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([state, n]) => `${n} ${w.states[state]}`)
      .join(', ');
    await ctx.reply(w.status(summary || '0', alarms.length));
  }

  private async down(ctx: Context): Promise<void> {
    const w = this.words(ctx);
    const statuses = (await this.options.call('status.snapshot', undefined)).filter(
      (status) => status.state === 'down',
    );
    if (statuses.length === 0) return void (await ctx.reply(w.noneDown));
    const devices = new Map((await this.options.call('devices.list', undefined)).map((d) => [d.id, d]));
    const lines = statuses
      .sort((a, b) => a.since - b.since)
      .slice(0, DOWN_LIST)
      .map((status) => {
        const device = devices.get(status.deviceId);
        return `🔴 ${device?.name ?? status.deviceId} (${device?.host ?? '?'})`;
      });
    if (statuses.length > DOWN_LIST) lines.push(w.more(statuses.length - DOWN_LIST));
    await ctx.reply([w.down(statuses.length), ...lines].join('\n'));
  }

  private async ack(ctx: Context, args: string): Promise<void> {
    const w = this.words(ctx);
    const [first, ...rest] = args.trim().split(/\s+/);
    const id = Number(first?.replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0) return void (await ctx.reply(w.ackUsage));
    await this.attempt(ctx, async () => {
      const acked = await this.options.call('alarms.acknowledge', {
        ids: [id],
        by: this.actor(ctx),
        note: rest.join(' '),
      });
      await ctx.reply(acked.length ? w.acked(acked.map((a) => `#${a.id}`).join(', ')) : w.noAlarm(`#${id}`));
    });
  }

  private async maint(ctx: Context, args: string): Promise<void> {
    const w = this.words(ctx);
    const parsed = parseMaintArgs(args);
    if (!parsed) return void (await ctx.reply(w.maintUsage));
    const [devices, towers] = await Promise.all([
      this.options.call('devices.list', undefined),
      this.options.call('towers.list', undefined),
    ]);
    const target = resolveTarget(parsed.target, devices, towers);
    if (!target) return void (await ctx.reply(w.unknownTarget(parsed.target)));
    await this.attempt(ctx, async () => {
      await this.options.call('maintenance.start', {
        target: target.scope,
        minutes: parsed.minutes,
        reason: parsed.reason ?? 'Telegram',
        by: this.actor(ctx),
      });
      await ctx.reply(
        w.maintOn(target.label, parsed.minutes === null ? w.untilEnded : w.forMinutes(parsed.minutes)),
      );
    });
  }

  private async unmaint(ctx: Context, args: string): Promise<void> {
    const w = this.words(ctx);
    if (!args.trim()) return void (await ctx.reply(w.unmaintUsage));
    const [devices, towers] = await Promise.all([
      this.options.call('devices.list', undefined),
      this.options.call('towers.list', undefined),
    ]);
    const target = resolveTarget(args, devices, towers);
    if (!target) return void (await ctx.reply(w.unknownTarget(args.trim())));
    await this.attempt(ctx, async () => {
      await this.options.call('maintenance.end', { target: target.scope, by: this.actor(ctx) });
      await ctx.reply(w.maintOff(target.label));
    });
  }

  private async ackButton(ctx: Context, alarmId: number): Promise<void> {
    const w = this.words(ctx);
    try {
      const acked = await this.options.call('alarms.acknowledge', {
        ids: [alarmId],
        by: this.actor(ctx),
        note: 'Telegram',
      });
      await ctx.answerCallbackQuery({
        text: acked.length ? w.acked(`#${alarmId}`) : w.noAlarm(`#${alarmId}`),
      });
    } catch (error) {
      await ctx.answerCallbackQuery({ text: w.failed((error as Error).message).slice(0, 190) });
    }
  }

  private async maintButton(ctx: Context, alarmId: number): Promise<void> {
    const w = this.words(ctx);
    try {
      const alarms = await this.options.call('alarms.list', {
        states: ['active', 'acknowledged'],
        limit: 5_000,
      });
      const alarm = alarms.find((candidate) => candidate.id === alarmId);
      const scope = alarm?.deviceId
        ? ({ scope: 'device', id: alarm.deviceId } as const)
        : alarm?.towerId
          ? ({ scope: 'tower', id: alarm.towerId } as const)
          : null;
      if (!scope) return void (await ctx.answerCallbackQuery({ text: w.noAlarm(`#${alarmId}`) }));
      await this.options.call('maintenance.start', {
        target: scope,
        minutes: 60,
        reason: `Telegram, alarme #${alarmId}`,
        by: this.actor(ctx),
      });
      await ctx.answerCallbackQuery({ text: w.maintOn(`#${alarmId}`, w.forMinutes(60)) });
    } catch (error) {
      await ctx.answerCallbackQuery({ text: w.failed((error as Error).message).slice(0, 190) });
    }
  }
}
