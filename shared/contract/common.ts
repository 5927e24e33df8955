import { z } from 'zod';

/** Who did it: the operator's name as typed in the app, or "telegram:<user>" and the like. */
export const Actor = z.string().trim().min(1).max(80);

export const HistoryRange = z.enum(['1h', '24h', '7d', '30d']);
export type HistoryRange = z.infer<typeof HistoryRange>;

export const historyRangeMs: Record<HistoryRange, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/**
 * The device charts' ranges: every raw sample up to a day (a new device shows its first samples at
 * once), the five-minute rollups up to 30 days, hourly sums of them for a year (rollups are kept a
 * year), daily aggregates for three years. The API picks the resolution.
 */
export const ChartRange = z.enum([...HistoryRange.options, '1y', '3y']);
export type ChartRange = z.infer<typeof ChartRange>;

export type ChartResolution = 'sample' | 'five-minute' | 'hour' | 'day';
export const chartRanges: Record<ChartRange, { ms: number; resolution: ChartResolution }> = {
  '1h': { ms: historyRangeMs['1h'], resolution: 'sample' },
  '24h': { ms: historyRangeMs['24h'], resolution: 'sample' },
  '7d': { ms: historyRangeMs['7d'], resolution: 'five-minute' },
  '30d': { ms: historyRangeMs['30d'], resolution: 'five-minute' },
  '1y': { ms: 365 * 86_400_000, resolution: 'hour' },
  '3y': { ms: 3 * 365 * 86_400_000, resolution: 'day' },
};

export const isHistoryRange = (range: ChartRange): range is HistoryRange =>
  (HistoryRange.options as readonly string[]).includes(range);
