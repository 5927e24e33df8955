import type { TFunction } from 'i18next';
import { errorMessage } from '../client/client-error';

/**
 * An API error as a sentence: the engine answers some refusals with an i18n key (a zod message such
 * as `synthetic.invalidUrl`, a restore's `storeBackup.error.corrupt`), shown here in the UI's language.
 */
export function translatedError(t: TFunction, error: unknown): string {
  const issues = (error as { issues?: { message: string }[] }).issues ?? [];
  const message = issues[0]?.message ?? errorMessage(error);
  return /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/.test(message) ? t(message, { defaultValue: message }) : message;
}
