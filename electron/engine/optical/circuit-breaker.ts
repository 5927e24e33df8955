/**
 * One endpoint's circuit: after `threshold` failures in a row it opens and no call is made until
 * the pause is over (doubling each time it opens again, up to `maxPauseMs`); the first success
 * closes it.
 */
export class CircuitBreaker {
  failures = 0;
  private openings = 0;
  retryAt: number | null = null;

  constructor(
    private readonly threshold = 3,
    private readonly pauseMs = 60_000,
    private readonly maxPauseMs = 15 * 60_000,
  ) {}

  /** Whether a call may go out now (a closed circuit, or an open one whose pause is over). */
  allows(now: number): boolean {
    return this.retryAt === null || now >= this.retryAt;
  }

  get open(): boolean {
    return this.retryAt !== null;
  }

  succeeded(): void {
    this.failures = 0;
    this.openings = 0;
    this.retryAt = null;
  }

  failed(now: number): void {
    this.failures++;
    if (this.failures < this.threshold) return;
    this.retryAt = now + Math.min(this.maxPauseMs, this.pauseMs * 2 ** this.openings);
    this.openings++;
  }
}
