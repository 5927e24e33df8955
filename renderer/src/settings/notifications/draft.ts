import type { Severity } from '../../../../shared/contract/entities';
import type {
  MessageTemplates,
  NotifyConfig,
  NotifyConfigView,
  NotifyLanguage,
  TelegramChat,
  WebhookTarget,
} from '../../../../shared/contract/notify';

/** What a destination receives: the same three choices for a Telegram chat and a webhook. */
export interface RoutingDraft {
  severities: Severity[];
  /** Null: every tower. */
  towerIds: number[] | null;
  recoveries: boolean;
}

export interface ChatDraft extends RoutingDraft {
  /** A React key that survives edits of the chat id. */
  key: string;
  chatId: string;
  name: string;
  language: NotifyLanguage;
  commands: boolean;
}

export interface WebhookDraft extends RoutingDraft {
  key: string;
  id: string;
  /** The id as stored, to notice a rename (secrets are kept per id). Null for a new webhook. */
  originalId: string | null;
  name: string;
  url: string;
  language: NotifyLanguage;
  /** A secret typed now; empty keeps the stored one. */
  secret: string;
  /** Remove the stored secret on save. */
  removeSecret: boolean;
}

/** The form as typed: numbers may be empty, secrets are write-only. */
export interface NotifyDraft {
  groupWindowS: number | string;
  desktop: NotifyConfig['desktop'];
  telegram: {
    enabled: boolean;
    apiRoot: string;
    perChatPerMinute: number | string;
    chats: ChatDraft[];
    token: string;
    removeToken: boolean;
  };
  webhooks: WebhookDraft[];
  templates: Record<NotifyLanguage, MessageTemplates>;
}

let sequence = 0;
export const nextKey = (): string => `row-${++sequence}`;

export const allSeverities: Severity[] = ['critical', 'major', 'minor', 'warning', 'info'];

export function draftFromConfig(config: NotifyConfig): NotifyDraft {
  return {
    groupWindowS: config.groupWindowS,
    desktop: { ...config.desktop },
    telegram: {
      enabled: config.telegram.enabled,
      apiRoot: config.telegram.apiRoot ?? '',
      perChatPerMinute: config.telegram.perChatPerMinute,
      chats: config.telegram.chats.map((chat) => ({ ...chat, key: nextKey() })),
      token: '',
      removeToken: false,
    },
    webhooks: config.webhooks.map((hook) => ({
      ...hook,
      key: nextKey(),
      originalId: hook.id,
      secret: '',
      removeSecret: false,
    })),
    templates: { 'pt-BR': { ...config.templates['pt-BR'] }, en: { ...config.templates.en } },
  };
}

/** A chat added on the page speaks the workstation's stored language until changed. */
export function newChat(language: NotifyLanguage): ChatDraft {
  return {
    key: nextKey(),
    chatId: '',
    name: '',
    language,
    severities: ['critical', 'major'],
    towerIds: null,
    recoveries: true,
    commands: false,
  };
}

export function newWebhook(language: NotifyLanguage): WebhookDraft {
  return {
    key: nextKey(),
    id: '',
    originalId: null,
    name: '',
    url: '',
    language,
    severities: ['critical', 'major', 'minor'],
    towerIds: null,
    recoveries: true,
    secret: '',
    removeSecret: false,
  };
}

/** An empty number field stays undefined, so validation calls it missing rather than zero. */
const numeric = (value: number | string): number | undefined =>
  value === '' || value === null ? undefined : Number(value);

/** The config as typed, for NotifyConfig.safeParse: trimming and coercion are the schema's. */
export function candidateFromDraft(draft: NotifyDraft): unknown {
  const chats = draft.telegram.chats.map(
    ({ chatId, name, language, severities, towerIds, recoveries, commands }): Partial<TelegramChat> => ({
      chatId,
      name,
      language,
      severities,
      towerIds,
      recoveries,
      commands,
    }),
  );
  const webhooks = draft.webhooks.map(
    ({ id, name, url, language, severities, towerIds, recoveries }): Partial<WebhookTarget> => ({
      id,
      name,
      url,
      language,
      severities,
      towerIds,
      recoveries,
    }),
  );
  return {
    groupWindowS: numeric(draft.groupWindowS),
    desktop: { ...draft.desktop },
    telegram: {
      enabled: draft.telegram.enabled,
      apiRoot: draft.telegram.apiRoot.trim() === '' ? null : draft.telegram.apiRoot,
      perChatPerMinute: numeric(draft.telegram.perChatPerMinute),
      chats,
    },
    webhooks,
    templates: draft.templates,
  };
}

/**
 * The secrets part of notify.config.set: a typed token or secret replaces the stored one, a
 * removal sends null, anything else is left out so the engine keeps what it has. Secrets of
 * webhooks that were deleted from the list are removed with them.
 */
export function secretsFromDraft(
  draft: NotifyDraft,
  view: NotifyConfigView,
): { telegramToken?: string | null; webhookSecrets: Record<string, string | null> } {
  const token = draft.telegram.token.trim();
  const telegramToken = token ? token : draft.telegram.removeToken ? null : undefined;
  const webhookSecrets: Record<string, string | null> = {};
  const kept = new Set(draft.webhooks.map((hook) => hook.id.trim()));
  for (const [id, hint] of Object.entries(view.webhookSecrets))
    if (hint.set && !kept.has(id)) webhookSecrets[id] = null;
  for (const hook of draft.webhooks) {
    const id = hook.id.trim();
    const secret = hook.secret.trim();
    if (secret) webhookSecrets[id] = secret;
    else if (hook.removeSecret) webhookSecrets[id] = null;
  }
  return telegramToken === undefined ? { webhookSecrets } : { telegramToken, webhookSecrets };
}

/** True when the form differs from the saved view (secrets typed or removals pending included). */
export function isDirty(draft: NotifyDraft, saved: NotifyDraft): boolean {
  const strip = (value: NotifyDraft) =>
    JSON.stringify({
      ...value,
      telegram: { ...value.telegram, chats: value.telegram.chats.map(({ key: _key, ...chat }) => chat) },
      webhooks: value.webhooks.map(({ key: _key, ...hook }) => hook),
    });
  return strip(draft) !== strip(saved);
}
