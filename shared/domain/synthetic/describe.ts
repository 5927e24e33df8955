import { translate, type Language, type MessageKey } from '../../i18n';
import type { SyntheticAlarm } from './alarms';

/** A synthetic alarm's sentence in `language`, with the failure's reason in words. */
export function describeSyntheticAlarm(
  language: Language,
  alarm: Pick<SyntheticAlarm, 'type' | 'params'>,
): string {
  const { params } = alarm;
  const reason = translate(language, `synthetic.error.${params.error}` as MessageKey);
  return translate(language, `alarm.synthetic.${alarm.type}` as MessageKey, {
    ...params,
    error: params.detail ? `${reason} (${params.detail})` : reason,
  });
}
