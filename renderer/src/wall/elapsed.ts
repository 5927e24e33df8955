const formats = new Map<string, Intl.NumberFormat>();

function part(locale: string, unit: 'day' | 'hour' | 'minute' | 'second', value: number): string {
  const key = `${locale}:${unit}`;
  let format = formats.get(key);
  if (!format)
    formats.set(
      key,
      (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' })),
    );
  return format.format(value);
}

/**
 * How long an outage has lasted, in its two largest units ("1h 12min", "2d 3h", "45s"): precise
 * enough to tell a fresh outage from an old one across the room, short enough to read at a glance.
 */
export function elapsed(locale: string, ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${part(locale, 'day', days)} ${part(locale, 'hour', hours)}`;
  if (hours > 0) return `${part(locale, 'hour', hours)} ${part(locale, 'minute', minutes)}`;
  if (minutes > 0) return `${part(locale, 'minute', minutes)} ${part(locale, 'second', seconds % 60)}`;
  return part(locale, 'second', seconds);
}
