/**
 * Round trips are stored at the precision ICMP timing can honour: whole milliseconds from 10 ms
 * up, tenths below (a LAN hop of 0.3 ms must not become 0). Besides being honest about the
 * measurement, whole values are stored by SQLite as 1–2 byte integers instead of 8-byte floats,
 * which is most of the size of a sample or rollup row: 10,000 devices write millions a day.
 */
export function storedMs(ms: number): number;
export function storedMs(ms: number | null): number | null;
export function storedMs(ms: number | null): number | null {
  if (ms === null) return null;
  return ms >= 10 ? Math.round(ms) : Math.round(ms * 10) / 10;
}

/** Loss and availability percentages: whole percent is all an operator reads. */
export const storedPct = (pct: number): number => Math.round(pct);
