/**
 * Failed sign-ins per client address: after `maxFailures` within `windowMs`, that address is
 * refused until the window ends, so a token or password cannot be guessed at network speed.
 * A success clears the address's count.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds this address must wait, or 0 when it may try. */
  blockedFor(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.failures.delete(address);
      return 0;
    }
    return entry.count >= this.maxFailures ? left : 0;
  }

  failed(address: string): void {
    if (this.failures.size > 10_000) this.sweep();
    const entry = this.failures.get(address);
    if (entry && entry.resetAt > this.now()) entry.count++;
    else this.failures.set(address, { count: 1, resetAt: this.now() + this.windowMs });
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  private sweep(): void {
    const now = this.now();
    for (const [address, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(address);
  }
}
