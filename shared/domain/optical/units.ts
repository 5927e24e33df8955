import type { MeasureUnit } from '../../contract/optical';

/** Looks a measure's unit up by key first, then by group; '' when the table does not say. */
export function unitLookup(units: readonly MeasureUnit[]): (key: number, group: string | null) => string {
  const byKey = new Map<number, string>();
  const byGroup = new Map<string, string>();
  for (const entry of units) {
    if (entry.measureKey !== null) byKey.set(entry.measureKey, entry.unit);
    else if (entry.group !== null) byGroup.set(entry.group.toUpperCase(), entry.unit);
  }
  return (key, group) => byKey.get(key) ?? (group === null ? undefined : byGroup.get(group)) ?? '';
}

/** Rate of change is a fall in dB: it means something only on logarithmic units. */
export const isLogUnit = (unit: string): boolean => unit === 'dB' || unit === 'dBm';
