import type { Alarm } from '../../contract/entities';
import { isMessageKey, translate, type Language } from '../../i18n';

/** What rendering needs of an alarm; a notification event carries the same facts. */
export type RenderableAlarm = Pick<Alarm, 'source' | 'type' | 'params' | 'affected'>;

const numberFormats = new Map<Language, Intl.NumberFormat>();

function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language);
  if (!format)
    numberFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })));
  return format.format(value);
}

function countPart(
  language: Language,
  part: 'affected' | 'subscribers' | 'stillDown',
  count: number,
): string {
  return translate(language, count === 1 ? `alarm.part.${part}.one` : `alarm.part.${part}.other`, {
    count: formatNumber(language, count),
  });
}

/**
 * An alarm's text in `language`, from its source, type and parameters. Numbers are written the
 * reader's way (95,3 in Portuguese); a type no catalog knows yet still reads, with its facts.
 */
export function renderAlarm(language: Language, alarm: RenderableAlarm): string {
  const values: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(alarm.params))
    values[name] =
      typeof value === 'number' ? formatNumber(language, value) : value === null ? null : String(value);
  const subscribers = Number(alarm.params.subscribers ?? 0);
  values.affectedText = countPart(language, 'affected', alarm.affected);
  values.subscribersText = subscribers > 0 ? countPart(language, 'subscribers', subscribers) : '';
  const stillDown = Number(alarm.params.stillDown ?? 0);
  values.stillDownText =
    stillDown > 0
      ? `${countPart(language, 'stillDown', stillDown)}: ${String(alarm.params.stillDownNames ?? '')}`
      : '';

  // A coded parameter (a failure's code) reads in words where the source's catalog words it
  // (`alarm.<source>.<param>.<code>`), in the reader's language.
  for (const [name, value] of Object.entries(alarm.params)) {
    const worded = `alarm.${alarm.source}.${name}.${String(value)}`;
    if (typeof value === 'string' && isMessageKey(worded)) values[name] = translate(language, worded);
  }
  const key = `alarm.${alarm.source}.${alarm.type}`;
  const root = `${key}.root`;
  // The recovery of an alarm that held others carries their summary (see NotificationHold).
  const summary = `${key}.summary`;
  if (alarm.params.returned !== undefined && isMessageKey(summary))
    return translate(language, summary, values);
  if (alarm.affected > 1 && isMessageKey(root)) return translate(language, root, values);
  if (isMessageKey(key)) return translate(language, key, values);
  const details = Object.keys(alarm.params)
    .map((name) => `${name}: ${values[name] ?? '—'}`)
    .join(', ');
  return translate(language, 'alarm.unknown', {
    type: alarm.type,
    source: alarm.source,
    details: details ? ` — ${details}` : '',
  });
}
