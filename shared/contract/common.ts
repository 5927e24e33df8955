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
