import { z } from 'zod';
import { NotifyConfig, type SecretHint } from '../../../shared/contract/notify';
import {
  defaultNotifyConfig,
  NOTIFY_CONFIG_KEY,
  NOTIFY_SECRETS_KEY,
} from '../../../shared/domain/notify/defaults';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';

const Secrets = z.object({
  telegramToken: z.string().nullable().default(null),
  webhooks: z.record(z.string(), z.string()).default({}),
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

/** Token and webhook secrets, sealed together under one key and opened only here. */
export async function readNotifySecrets(repo: Repository, cipher: SecretCipher): Promise<NotifySecrets> {
  const sealed = await repo.settings.get(NOTIFY_SECRETS_KEY);
  if (typeof sealed !== 'string') return { telegramToken: null, webhooks: {} };
  return Secrets.parse(JSON.parse(await cipher.decrypt(sealed)));
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
