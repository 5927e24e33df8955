import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { renderAlarm, type RenderableAlarm } from '../../../shared/domain/alarms/render';
import { isLanguage, defaultLanguage } from '../../../shared/i18n';

/** An alarm's text in the page's current language (alarms keep facts, not sentences). */
export function useAlarmText(): (alarm: RenderableAlarm) => string {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  return useCallback((alarm: RenderableAlarm) => renderAlarm(language, alarm), [language]);
}
