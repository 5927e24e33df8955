import { useTranslation } from 'react-i18next';

export type Format = ReturnType<typeof createFormat>;

// Building Intl formatters is costly; a table row formats on every status burst.
const byLocale = new Map<string, Format>();

/** Numbers, dates and durations in the operator's language. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return formatFor(i18n.language);
}

/**
 * Builds the formatters the devices table uses before it first renders: ICU takes tens of
 * milliseconds to build them on a slow machine, better spent while the network is on its way.
 */
export function prepareFormat(locale: string): void {
  const format = formatFor(locale);
  format.number(0);
  format.dateTime(1);
}

function formatFor(locale: string): Format {
  let format = byLocale.get(locale);
  if (!format) {
    format = createFormat(locale);
    byLocale.set(locale, format);
  }
  return format;
}

/** Builds each formatter on its first use: most pages need only some of them. */
function lazily<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

function createFormat(locale: string) {
  const number = lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
  const dateTime = lazily(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }));
  const time = lazily(() => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }));
  const date = lazily(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short' }));
  const durations = new Map<string, Intl.NumberFormat>();
  return {
    number: (value: number | null | undefined, unit = '') =>
      value === null || value === undefined ? '—' : `${number().format(value)}${unit}`,
    dateTime: (value: number | null | undefined) => (value ? dateTime().format(value) : '—'),
    time: (value: number | null | undefined) => (value ? time().format(value) : '—'),
    date: (value: number | null | undefined) => (value ? date().format(value) : '—'),
    duration: (ms: number) => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      const units: [number, Intl.RelativeTimeFormatUnit][] = [
        [86_400, 'day'],
        [3_600, 'hour'],
        [60, 'minute'],
        [1, 'second'],
      ];
      const [size, unit] = units.find(([unitSeconds]) => seconds >= unitSeconds) ?? [1, 'second'];
      let inUnit = durations.get(unit);
      if (!inUnit) {
        inUnit = new Intl.NumberFormat(locale, {
          style: 'unit',
          unit,
          unitDisplay: 'short',
          maximumFractionDigits: 0,
        });
        durations.set(unit, inUnit);
      }
      return inUnit.format(Math.floor(seconds / size));
    },
  };
}
