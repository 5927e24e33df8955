/**
 * The longest gap between two job starts: before any job has ended, and when jobs are long, the
 * lanes still start 50 jobs a second.
 */
export const MAX_START_SPACING_MS = 20;
/** Starts are spaced by this share of a job's typical length over the lanes, a little less than all of it. */
const SPREAD = 0.9;
/** Weight of the latest job in the typical length (a moving average). */
const WEIGHT = 0.1;

/**
 * Spreads the lanes' job starts over the length of a job. Lanes whose jobs last about as long
 * (every device answers after the same delay) end them together, and would start the next ones
 * together, round after round: a burst of SSH key exchanges that delays every other session's
 * packets while it lasts, then nothing. Starting jobs a lane's share of a job's length apart
 * keeps them apart; once they are, the spacing never delays a start, since each lane then comes
 * back a whole job later.
 */
export class StartSpacing {
  private typicalMs: number | null = null;
  private nextAt = 0;

  constructor(private readonly maxMs = MAX_START_SPACING_MS) {}

  /** Milliseconds until the next job may start: 0 for now. */
  wait(now: number): number {
    return Math.max(0, this.nextAt - now);
  }

  /**
   * A job starts now, with this many lanes. While jobs wait, each start is due a spacing after
   * the one before was due, not after it actually started: a start the busy event loop ran late
   * does not push back every start behind it. After an idle time, half a spacing.
   */
  started(now: number, lanes: number): void {
    const typical = this.typicalMs;
    const spacing =
      lanes <= 1 ? 0 : typical === null ? this.maxMs : Math.min(this.maxMs, (SPREAD * typical) / lanes);
    this.nextAt = Math.max(this.nextAt + spacing, now + spacing / 2);
  }

  /** A job ended after this long. */
  ended(durationMs: number): void {
    this.typicalMs =
      this.typicalMs === null ? durationMs : this.typicalMs + (durationMs - this.typicalMs) * WEIGHT;
  }
}
