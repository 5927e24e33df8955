import type { MessageTemplates, NotifyConfig, NotifyLanguage } from '../../contract/notify';

/** Settings keys the notifiers read. The secrets live sealed under their own key. */
export const NOTIFY_CONFIG_KEY = 'notify.config';
export const NOTIFY_SECRETS_KEY = 'notify.secrets';
/** The global "do not disturb" switch (tray and settings). */
export const NOTIFY_PAUSED_KEY = 'notify.paused';

export const defaultTemplates: Record<NotifyLanguage, MessageTemplates> = {
  'pt-BR': {
    raised:
      '{icon} #{id} {device} ({address}) · {tower} · {state} desde {since} · {latency} · afetados: {affected}',
    cleared: '✅ #{id} {device} ({address}) · {tower} · normalizado após {duration}',
  },
  en: {
    raised:
      '{icon} #{id} {device} ({address}) · {tower} · {state} since {since} · {latency} · affected: {affected}',
    cleared: '✅ #{id} {device} ({address}) · {tower} · back after {duration}',
  },
};

export const defaultNotifyConfig: NotifyConfig = {
  groupWindowS: 10,
  desktop: { enabled: true, recoveries: true },
  telegram: { enabled: false, apiRoot: null, perChatPerMinute: 18, chats: [] },
  webhooks: [],
  templates: defaultTemplates,
};
