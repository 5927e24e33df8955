import type { MessageTemplates, NotifyConfig, NotifyLanguage } from '../../contract/notify';

/** Settings keys the notifiers read. The secrets live sealed under their own key. */
export const NOTIFY_CONFIG_KEY = 'notify.config';
export const NOTIFY_SECRETS_KEY = 'notify.secrets';
/** The global "do not disturb" switch (tray and settings). */
export const NOTIFY_PAUSED_KEY = 'notify.paused';

/**
 * A part in brackets is left out when a fact in it does not apply to the alarm: a tower alarm has
 * no address and no tower besides itself, a device that is down has no current latency, and one
 * device alone needs no "affected" count.
 */
export const defaultTemplates: Record<NotifyLanguage, MessageTemplates> = {
  'pt-BR': {
    raised:
      '{icon} #{id}[ {device}][ ({address})][ · {tower}] · {state} desde {since}[ · {latency}][ · afetados: {affected}]',
    cleared: '✅ #{id}[ {device}][ ({address})][ · {tower}] · normalizado após {duration}',
  },
  en: {
    raised:
      '{icon} #{id}[ {device}][ ({address})][ · {tower}] · {state} since {since}[ · {latency}][ · affected: {affected}]',
    cleared: '✅ #{id}[ {device}][ ({address})][ · {tower}] · back after {duration}',
  },
};

/**
 * The defaults of earlier versions, which stored configurations still hold word for word: they read
 * as today's defaults, so nobody keeps "Torre Alfa (—) · Torre Alfa" for not having edited them.
 */
export const previousDefaultTemplates: readonly string[] = [
  '{icon} #{id} {device} ({address}) · {tower} · {state} desde {since} · {latency} · afetados: {affected}',
  '✅ #{id} {device} ({address}) · {tower} · normalizado após {duration}',
  '{icon} #{id} {device} ({address}) · {tower} · {state} since {since} · {latency} · affected: {affected}',
  '✅ #{id} {device} ({address}) · {tower} · back after {duration}',
];

export const defaultNotifyConfig: NotifyConfig = {
  groupWindowS: 10,
  desktop: { enabled: true, recoveries: true },
  telegram: { enabled: false, apiRoot: null, perChatPerMinute: 18, chats: [] },
  webhooks: [],
  templates: defaultTemplates,
};
