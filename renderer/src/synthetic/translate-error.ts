import type { i18n as I18n, TFunction } from 'i18next';
import { isLanguage, translate, type MessageKey } from '../../../shared/i18n';
import { errorMessage } from '../client/client-error';

/**
 * An API error as a sentence: the engine answers some refusals with an i18n key — a contract
 * message such as `synthetic.invalidUrl` (in shared/i18n's catalogs) or a restore's
 * `storeBackup.error.corrupt` (in the renderer's) — shown here in the UI's language.
 */
export function translatedError(t: TFunction, i18n: I18n, error: unknown): string {
  const issues = (error as { issues?: { message: string }[] }).issues ?? [];
  const message = issues[0]?.message ?? errorMessage(error);
  if (!/^[a-zA-Z]+(\.[a-zA-Z_]+)+$/.test(message)) return message;
  const language = isLanguage(i18n.language) ? i18n.language : 'pt-BR';
  return t(message, { defaultValue: translate(language, message as MessageKey) });
}
