import type { ApiParsedInput } from '../../../shared/contract/api';
import type { NotifyConfig } from '../../../shared/contract/notify';
import { translate, type Language } from '../../../shared/i18n';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { NotifySecrets } from './notify-settings';

/** Telegram's own servers, as the operator reads it in a message. */
const TELEGRAM_CLOUD = 'api.telegram.org';

/** The stored token if it was saved for this API root, else null. */
export function tokenFor(secrets: NotifySecrets, apiRoot: string | null): string | null {
  return secrets.telegramApiRoot === apiRoot ? secrets.telegramToken : null;
}

/** The stored secret of webhook `id` if it was saved for this URL, else null. */
export function webhookSecretFor(secrets: NotifySecrets, id: string, url: string): string | null {
  return secrets.webhookUrls[id] === url ? (secrets.webhooks[id] ?? null) : null;
}

export function tokenRefusal(language: Language, apiRoot: string | null): string {
  return translate(language, 'security.tokenForOtherApiRoot', { destination: apiRoot ?? TELEGRAM_CLOUD });
}

export function webhookRefusal(language: Language, name: string, url: string): string {
  return translate(language, 'security.secretForOtherUrl', { name, destination: url });
}

/**
 * The secrets after a save: a typed secret is bound to the destination saved with it; a kept
 * secret must already belong to its (possibly new) destination, otherwise the save is refused and
 * nothing changes, so a stored token never follows an API root somebody else typed.
 */
export function nextSecrets(
  current: NotifySecrets,
  input: Pick<ApiParsedInput<'notify.config.set'>, 'config' | 'telegramToken' | 'webhookSecrets'>,
  language: Language,
): NotifySecrets {
  const { config, telegramToken, webhookSecrets } = input;
  const apiRoot = config.telegram.apiRoot;
  const keptToken = telegramToken === undefined ? current.telegramToken : telegramToken;
  if (telegramToken === undefined && keptToken && current.telegramApiRoot !== apiRoot) {
    const message = tokenRefusal(language, apiRoot);
    throw invalidInput(message, [{ path: 'telegramToken', message }]);
  }
  const next: NotifySecrets = {
    telegramToken: keptToken,
    telegramApiRoot: keptToken ? apiRoot : null,
    webhooks: {},
    webhookUrls: {},
  };
  for (const hook of config.webhooks) {
    const typed = webhookSecrets[hook.id];
    const stored = current.webhooks[hook.id];
    if (typed === undefined && stored && current.webhookUrls[hook.id] !== hook.url) {
      const message = webhookRefusal(language, hook.name, hook.url);
      throw invalidInput(message, [{ path: `webhookSecrets.${hook.id}`, message }]);
    }
    const kept = typed === undefined ? stored : typed;
    if (kept) {
      next.webhooks[hook.id] = kept;
      next.webhookUrls[hook.id] = hook.url;
    }
  }
  return next;
}

/** Every outbound URL a configuration names (null API root: Telegram's own servers). */
export function configuredDestinations(config: NotifyConfig): string[] {
  return [
    ...(config.telegram.apiRoot ? [config.telegram.apiRoot] : []),
    ...config.webhooks.map((hook) => hook.url),
  ];
}
