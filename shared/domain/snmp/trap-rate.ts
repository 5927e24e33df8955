/**
 * A per-source trap budget: `burst` at once, then `ratePerSecond` sustained. A flapping port or a
 * trap storm from one device is cut down to its budget; every other source keeps its own.
 */
export class TrapRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    /** Sources idle this long are forgotten, so that a scan of many addresses cannot grow the map forever. */
    private readonly idleMs = 60_000,
  ) {}

  /** Whether a trap from `source` at `now` is within its budget (and spends it if so). */
  allow(source: string, now: number): boolean {
    const bucket = this.buckets.get(source) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    this.buckets.set(source, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [source, bucket] of this.buckets)
      if (now - bucket.at > this.idleMs) this.buckets.delete(source);
  }
}
