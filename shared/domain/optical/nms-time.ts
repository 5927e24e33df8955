import { fromZonedTime } from 'date-fns-tz';

const NMS_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/**
 * Reads the NMS's "YYYY-MM-DD HH:MM:SS" (local time, no zone) in the endpoint's IANA zone.
 * Null for anything else. A page repeats few distinct timestamps, so each is converted once.
 */
export function nmsTimeReader(timeZone: string): (text: unknown) => number | null {
  const seen = new Map<string, number | null>();
  return (text) => {
    if (typeof text !== 'string') return null;
    const cached = seen.get(text);
    if (cached !== undefined) return cached;
    const match = NMS_TIME.exec(text.trim());
    let at: number | null = null;
    if (match) {
      const ms = fromZonedTime(
        `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`,
        timeZone,
      ).getTime();
      at = Number.isFinite(ms) && ms >= 0 ? ms : null;
    }
    if (seen.size > 10_000) seen.clear();
    seen.set(text, at);
    return at;
  };
}
