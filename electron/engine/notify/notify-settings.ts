import { z } from 'zod';
import { NotifyConfig, type SecretHint } from '../../../shared/contract/notify';
import {
  defaultNotifyConfig,
  NOTIFY_CONFIG_KEY,
  NOTIFY_SECRETS_KEY,
} from '../../../shared/domain/notify/defaults';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';

/**
 * Each secret is stored with the destination it was saved for, and is used only with that one:
 * the token with its Bot API root, each webhook's secret with its URL.
 */
const Secrets = z.object({
  telegramToken: z.string().nullable().default(null),
  /** Null: Telegram's own servers. Absent only in stores written before secrets were bound. */
  telegramApiRoot: z.string().nullable().optional(),
  webhooks: z.record(z.string(), z.string()).default({}),
  webhookUrls: z.record(z.string(), z.string()).default({}),
});
export type NotifySecrets = z.infer<typeof Secrets>;

/** The stored configuration, or the defaults when none (or an unreadable one) is stored. */
export async function readNotifyConfig(
  repo: Repository,
  log: (message: string) => void,
): Promise<NotifyConfig> {
  const stored = await repo.settings.get(NOTIFY_CONFIG_KEY);
  if (stored === null || stored === undefined) return defaultNotifyConfig;
  const parsed = NotifyConfig.safeParse(stored);
  if (parsed.success) return parsed.data;
  log(`notify: the stored settings are invalid (${parsed.error.issues[0]?.message}); using defaults`);
  return defaultNotifyConfig;
}

/**
 * What is stored, unopened: it changes exactly when the configuration or the sealed secrets do,
 * so a re-read can tell a change (another workstation's save) without opening the secrets.
 */
export async function storedNotifyVersion(repo: Repository): Promise<string> {
  const [config, sealed] = await Promise.all([
    repo.settings.get(NOTIFY_CONFIG_KEY),
    repo.settings.get(NOTIFY_SECRETS_KEY),
  ]);
  return JSON.stringify([config ?? null, sealed ?? null]);
}

/** The configuration and its secrets; secrets this machine cannot open are logged and left empty. */
export async function loadNotifySettings(
  repo: Repository,
  cipher: SecretCipher,
  log: (message: string) => void,
): Promise<{ config: NotifyConfig; secrets: NotifySecrets }> {
  const config = await readNotifyConfig(repo, log);
  try {
    return { config, secrets: bindLegacySecrets(await readNotifySecrets(repo, cipher), config) };
  } catch (error) {
    log(`notify: the stored secrets could not be opened (${(error as Error).message}); enter them again`);
    return { config, secrets: emptySecrets() };
  }
}

/** Token and webhook secrets, sealed together under one key and opened only here. */
export async function readNotifySecrets(repo: Repository, cipher: SecretCipher): Promise<NotifySecrets> {
  const sealed = await repo.settings.get(NOTIFY_SECRETS_KEY);
  if (typeof sealed !== 'string') return emptySecrets();
  return Secrets.parse(JSON.parse(await cipher.decrypt(sealed)));
}

export const emptySecrets = (): NotifySecrets => ({
  telegramToken: null,
  telegramApiRoot: null,
  webhooks: {},
  webhookUrls: {},
});

/**
 * Secrets stored before they were bound belong to the destinations saved with them, which are
 * the ones in the stored configuration.
 */
export function bindLegacySecrets(secrets: NotifySecrets, config: NotifyConfig): NotifySecrets {
  const webhookUrls = { ...secrets.webhookUrls };
  for (const hook of config.webhooks)
    if (secrets.webhooks[hook.id] && webhookUrls[hook.id] === undefined) webhookUrls[hook.id] = hook.url;
  return {
    ...secrets,
    telegramApiRoot:
      secrets.telegramApiRoot === undefined ? config.telegram.apiRoot : secrets.telegramApiRoot,
    webhookUrls,
  };
}

export async function writeNotifySecrets(
  repo: Repository,
  cipher: SecretCipher,
  secrets: NotifySecrets,
): Promise<void> {
  await repo.settings.set(NOTIFY_SECRETS_KEY, await cipher.encrypt(JSON.stringify(secrets)));
}

/** Enough to recognise a secret ("…a1b2"), never enough to use it. */
export function secretHint(secret: string | null | undefined): SecretHint {
  if (!secret) return { set: false, hint: null };
  return { set: true, hint: secret.length >= 12 ? `…${secret.slice(-4)}` : '…' };
}
