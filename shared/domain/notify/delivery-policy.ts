import type { BreakerState } from '../../contract/notify';

/**
 * How the outbox sender paces itself: exponential backoff between attempts, a token bucket per
 * destination, and a circuit breaker that stops hammering a channel that keeps failing and lets
 * one probe through after a pause. Pure: the sender passes the clock in.
 */

export interface BackoffRule {
  baseMs: number;
  maxMs: number;
}

/** Full jitter keeps several workstations from retrying in lockstep; `random` is in [0, 1). */
export function backoffMs(attempts: number, rule: BackoffRule, random: number): number {
  const ceiling = Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Milliseconds until a token is free (0: take it now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }
}

export interface BreakerRule {
  /** Consecutive failures that open it. */
  failures: number;
  /** How long it stays open before one probe may go. */
  openMs: number;
}

/**
 * Opens after `failures` failures in a row; once `openMs` passed it is half-open and the next send
 * is the probe (the sender sends one message at a time per destination): success closes it,
 * failure opens it again for another `openMs`.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | null = null;

  constructor(private readonly rule: BreakerRule) {}

  state(now: number): BreakerState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.rule.openMs ? 'half-open' : 'open';
  }

  /** Milliseconds until it lets a probe through (0 when closed or half-open). */
  retryInMs(now: number): number {
    return this.openedAt === null ? 0 : Math.max(0, this.openedAt + this.rule.openMs - now);
  }

  succeeded(): void {
    this.consecutive = 0;
    this.openedAt = null;
  }

  failed(now: number): void {
    this.consecutive += 1;
    if (this.openedAt !== null || this.consecutive >= this.rule.failures) this.openedAt = now;
  }
}

/**
 * A message whose next attempt lies further ahead than any wait the sender sets (backoff, an open
 * breaker, a far end's Retry-After) was scheduled before the clock was set back: it is due now,
 * not once the clock has caught up again, which could be an hour of silence.
 */
export const CLOCK_SET_BACK_MS = 15 * 60_000;

export const isDue = (nextAttemptAt: number, now: number): boolean =>
  nextAttemptAt <= now || nextAttemptAt > now + CLOCK_SET_BACK_MS;

/** How long the oldest message of a group has waited; never negative when the clock was set back. */
export const waitedMs = (createdAt: number, now: number): number =>
  createdAt > now ? Number.POSITIVE_INFINITY : now - createdAt;
