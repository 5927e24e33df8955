import { fill, type Catalog, type MessageParams } from './catalog';
import { defaultLanguage, type Language } from './language';
import { alarmMessages } from './messages/alarms';
import { backupMessages } from './messages/backup';
import { engineMessages } from './messages/engine';
import { notifyMessages } from './messages/notify';
import { telegramMessages } from './messages/telegram';
import { settingsMessages } from './messages/settings';
import { securityMessages } from './messages/security';
import { opticalMessages } from './messages/optical';
import { engineProcessMessages } from './messages/engine-process';
import { accountsMessages } from './messages/accounts';
import { outageMessages } from './messages/outage';
import { syntheticMessages } from './messages/synthetic';
import { observabilityMessages } from './messages/observability';
import { selfMessages } from './messages/self';
import { reportsMessages } from './messages/reports';
import { inventoryImportMessages } from './messages/inventory-import';
import { clusterMessages } from './messages/cluster';

export { defaultLanguage, isLanguage, languages, type Language } from './language';
export { fill, keepGivenParts, placeholdersOf, type Catalog, type MessageParams } from './catalog';

/**
 * Every text written outside the renderer (engine, workers, main process, notifications), one
 * catalog per domain under messages/. A domain adds its catalog here, once.
 */
export const catalogs = [
  engineMessages,
  alarmMessages,
  notifyMessages,
  telegramMessages,
  settingsMessages,
  securityMessages,
  opticalMessages,
  backupMessages,
  engineProcessMessages,
  accountsMessages,
  outageMessages,
  syntheticMessages,
  observabilityMessages,
  selfMessages,
  reportsMessages,
  inventoryImportMessages,
  clusterMessages,
] as const satisfies readonly Catalog[];

type KeysOf<C> = C extends Catalog<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof catalogs)[number]>;

const merged: Record<Language, Record<string, string>> = { 'pt-BR': {}, en: {} };
for (const catalog of catalogs) {
  Object.assign(merged['pt-BR'], catalog['pt-BR']);
  Object.assign(merged.en, catalog.en);
}

/** Whether `key` names a text of some catalog (keys built at run time, like an alarm's). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(merged[defaultLanguage], key);
}

/** The text of `key` in `language` with its placeholders filled. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = merged[language][key] ?? merged[defaultLanguage][key];
  return template === undefined ? key : fill(template, params);
}
