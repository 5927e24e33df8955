import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultLanguage,
  isLanguage,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from '../../../shared/i18n';

/** The language the page speaks now, as the shared catalogs name it. */
export function usePageLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/**
 * A text of the shared catalogs in the page's language: the words the engine uses for the same fact
 * (a failure's code, an alarm), written once for the page, the tray and Telegram alike.
 */
export function useSharedText(): (key: MessageKey, params?: MessageParams) => string {
  const language = usePageLanguage();
  return useCallback(
    (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
}
