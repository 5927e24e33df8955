import { z } from 'zod';
import { Actor } from './common';
import { languages, type Language } from '../i18n/language';
import { Severity } from './entities';

/** The one Language of shared/i18n, as the notification settings validate it. */
export const NotifyLanguage = z.enum(languages);
export type NotifyLanguage = Language;

const towerIds = z
  .array(z.number().int().positive())
  .max(5_000)
  .nullable()
  .describe('Null: every tower (and devices with no tower).');

/** Who gets what: the same filter for every remote destination. */
const Routing = z.object({
  severities: z.array(Severity).min(1),
  towerIds,
  /** Also send the "back up" message, with the outage's duration. */
  recoveries: z.boolean(),
});
export type Routing = z.infer<typeof Routing>;

/** A numeric chat id (groups are negative) or a public channel's @name. */
export const TelegramChatId = z
  .string()
  .trim()
  .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, 'a numeric chat id or @channel_name');

export const TelegramChat = Routing.extend({
  chatId: TelegramChatId,
  name: z.string().trim().min(1).max(80),
  language: NotifyLanguage,
  /** Members of this chat may run /ack, /maint and press the inline buttons. */
  commands: z.boolean(),
});
export type TelegramChat = z.infer<typeof TelegramChat>;

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'must start with http:// or https://');

export const WebhookTarget = Routing.extend({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(80),
  url: httpUrl,
  language: NotifyLanguage,
});
export type WebhookTarget = z.infer<typeof WebhookTarget>;

/** One line per event; see shared/domain/notify/template.ts for the placeholders. */
export const MessageTemplates = z.object({
  raised: z.string().trim().min(1).max(600),
  cleared: z.string().trim().min(1).max(600),
});
export type MessageTemplates = z.infer<typeof MessageTemplates>;

export const NotifyConfig = z.object({
  /** Events for the same destination within this window go out as one message. */
  groupWindowS: z.number().int().min(0).max(300),
  desktop: z.object({
    enabled: z.boolean(),
    /** Critical and major alarms always notify; these add recoveries. */
    recoveries: z.boolean(),
  }),
  telegram: z.object({
    enabled: z.boolean(),
    /** A self-hosted Bot API server; null for Telegram's own. */
    apiRoot: httpUrl.nullable(),
    /** Messages per chat per minute; Telegram allows about 20 in a group. */
    perChatPerMinute: z.number().int().min(1).max(20),
    chats: z.array(TelegramChat).max(50),
  }),
  webhooks: z.array(WebhookTarget).max(20),
  templates: z.object({ 'pt-BR': MessageTemplates, en: MessageTemplates }),
});
export type NotifyConfig = z.infer<typeof NotifyConfig>;

/** A secret as the UI may see it: whether it is set and its last characters. */
export const SecretHint = z.object({ set: z.boolean(), hint: z.string().nullable() });
export type SecretHint = z.infer<typeof SecretHint>;

export const NotifyConfigView = z.object({
  config: NotifyConfig,
  telegramToken: SecretHint,
  webhookSecrets: z.record(z.string(), SecretHint),
});
export type NotifyConfigView = z.infer<typeof NotifyConfigView>;

const secretInput = z.string().trim().min(1).max(300).nullable().optional();

export const NotifyConfigSet = z.object({
  config: NotifyConfig,
  /** Absent: keep the stored token; null: remove it. */
  telegramToken: secretInput,
  /** Per webhook id, as for the token. */
  webhookSecrets: z.record(z.string(), secretInput).default({}),
  by: Actor,
});

export const NotifyTestTarget = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('telegram'),
    chatId: TelegramChatId,
    /** Test a token typed into the form before saving it. */
    token: z.string().trim().min(1).max(300).optional(),
    apiRoot: httpUrl.nullable().optional(),
  }),
  z.object({
    channel: z.literal('webhook'),
    url: httpUrl,
    /** The stored secret of this webhook is used when none is typed. */
    id: z.string().optional(),
    secret: z.string().trim().min(1).max(300).optional(),
  }),
  z.object({ channel: z.literal('desktop') }),
]);
export type NotifyTestTarget = z.infer<typeof NotifyTestTarget>;

export const NotifyTestResult = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type NotifyTestResult = z.infer<typeof NotifyTestResult>;

export const BreakerState = z.enum(['closed', 'open', 'half-open']);
export type BreakerState = z.infer<typeof BreakerState>;

export const NotifyStatus = z.object({
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  sentLastHour: z.number().int().nonnegative(),
  destinations: z.array(
    z.object({
      channel: z.string(),
      destination: z.string(),
      breaker: BreakerState,
      lastError: z.string().nullable(),
    }),
  ),
  /** The newest messages that gave up, with why. */
  recentFailures: z.array(
    z.object({
      channel: z.string(),
      destination: z.string(),
      error: z.string().nullable(),
      createdAt: z.number().int(),
    }),
  ),
});
export type NotifyStatus = z.infer<typeof NotifyStatus>;

/** The notifications part of the channel registry (merged into apiMethods). */
export const notifyApiMethods = {
  'notify.config.get': { input: z.void(), output: NotifyConfigView },
  'notify.config.set': { input: NotifyConfigSet, output: NotifyConfigView },
  /** Sends one test message and reports success or the exact reason it failed. */
  'notify.test': { input: z.object({ target: NotifyTestTarget }), output: NotifyTestResult },
  'notify.status': { input: z.void(), output: NotifyStatus },
} as const;
