import type { StoreCondition, StoreProblem } from '../../contract/events';

export interface StoreSignals {
  /** How long the store has left the write (or probe) in progress unanswered. */
  waitingMs: number;
  /** Past this, a silent store is stalled. */
  stallMs: number;
  /** Writes the engine holds for the store (rows, alarms, notifications). */
  queued: number;
  /** Samples dropped since the start because the queue was full. */
  droppedSamples: number;
  /** The last failure's own text (a driver's message), or null when the last attempt worked. */
  error: string | null;
}

const KINDS: [RegExp, StoreProblem][] = [
  [
    /SQLITE_FULL|disk is full|database or disk is full|ENOSPC|no space left|could not extend file|53100/i,
    'full',
  ],
  [/SQLITE_BUSY|SQLITE_LOCKED|database is locked|locked by another/i, 'locked'],
  [
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|timeout|terminat|connection|shutting down|57P0/i,
    'unreachable',
  ],
];

/**
 * What is wrong with the store, as a kind the UI words in the reader's language — never the
 * driver's text, which may be SQL. A silent store is "stalled" before any error arrives.
 */
export function storeCondition(signals: StoreSignals): StoreCondition {
  const silentS = Math.floor(signals.waitingMs / 1000);
  const problem: StoreProblem | null =
    signals.waitingMs > signals.stallMs
      ? 'stalled'
      : signals.error === null
        ? null
        : (KINDS.find(([pattern]) => pattern.test(signals.error!))?.[1] ?? 'failing');
  return { problem, silentS, queued: signals.queued, droppedSamples: signals.droppedSamples };
}
