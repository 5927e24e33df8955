import type { NotifyConfig, NotifyLanguage, Routing } from '../../contract/notify';
import type { NotifyEvent } from './event';

export type RemoteChannelName = 'telegram' | 'webhook';

export interface Route {
  channel: RemoteChannelName;
  /** The chat id or the webhook id. */
  destination: string;
  language: NotifyLanguage;
}

function accepts(routing: Routing, event: NotifyEvent): boolean {
  if (event.kind === 'cleared' && !routing.recoveries) return false;
  if (!routing.severities.includes(event.severity)) return false;
  if (routing.towerIds === null) return true;
  return event.towerId !== null && routing.towerIds.includes(event.towerId);
}

/** Every remote destination this event goes to, by severity, tower and recovery choice. */
export function routeEvent(config: NotifyConfig, event: NotifyEvent): Route[] {
  const routes: Route[] = [];
  if (config.telegram.enabled)
    for (const chat of config.telegram.chats)
      if (accepts(chat, event))
        routes.push({ channel: 'telegram', destination: chat.chatId, language: chat.language });
  for (const hook of config.webhooks)
    if (accepts(hook, event))
      routes.push({ channel: 'webhook', destination: hook.id, language: hook.language });
  return routes;
}
