import { useCallback } from 'react';
import { renderAlarm, type RenderableAlarm } from '../../../shared/domain/alarms/render';
import { usePageLanguage } from '../i18n/use-shared-text';

/** An alarm's text in the page's current language (alarms keep facts, not sentences). */
export function useAlarmText(): (alarm: RenderableAlarm) => string {
  const language = usePageLanguage();
  return useCallback((alarm: RenderableAlarm) => renderAlarm(language, alarm), [language]);
}
