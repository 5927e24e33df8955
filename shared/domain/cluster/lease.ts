/**
 * Leadership of a poller group on a shared PostgreSQL: a lease row renewed by its holder, with a
 * fencing epoch that grows at every change of holder. Pure rules; the engine's LeaseKeeper runs them.
 */

export interface LeaseTimings {
  /** How long a renewal keeps the lease (by the database's clock). */
  ttlMs: number;
  /** How often every instance renews what it holds and tries what it may take. */
  renewMs: number;
  /**
   * A holder that has not renewed for this long (by its own clock, from the renewal's send)
   * stops its pollers before the lease could have expired: it never writes as a leader past it.
   */
  selfFenceMs: number;
}

/**
 * The lease lasts one and a half ICMP critical cycles and every instance renews or tries four
 * times per cycle, and a follower tries again right when a lease it found runs out (see
 * nextRoundMs): a dead or hung leader is replaced 1.5 cycles after its last renewal at the latest
 * (plus a query), inside the goal of two cycles, while a leader whose event loop stalls for a
 * whole cycle (a loaded machine) keeps its lease. Floors keep a mis-set interval from a busy loop.
 */
export function leaseTimings(cycleMs: number): LeaseTimings {
  const ttlMs = Math.max(1_000, Math.round(cycleMs * 1.5));
  return {
    ttlMs,
    renewMs: Math.max(250, Math.floor(cycleMs / 4)),
    selfFenceMs: Math.floor(ttlMs * 0.8),
  };
}

/** The shortest wait between two rounds: a lease found just running out is tried again after it. */
const MIN_ROUND_MS = 20;

/**
 * When the next lease round runs: after the renewal period, or as soon as a lease this instance
 * tried and may take runs out (`remainingMs`, by the database's clock when the round read it),
 * whichever comes first, so a follower takes over at the expiry and not up to a round after it.
 * The wait starts once the round's answer is back, so the try never comes before the expiry.
 */
export function nextRoundMs(timings: LeaseTimings, remainingMs: readonly number[]): number {
  return Math.max(MIN_ROUND_MS, Math.min(timings.renewMs, ...remainingMs));
}

/** Whether an instance may lead a group pinned to `pinned` (empty: any instance). */
export function mayLead(pinned: readonly string[], instanceId: string): boolean {
  return pinned.length === 0 || pinned.includes(instanceId);
}

/** A holder's term is over by its own clock when its last good renewal was sent too long ago. */
export function selfFenced(lastRenewalSentAt: number, now: number, timings: LeaseTimings): boolean {
  return now - lastRenewalSentAt >= timings.selfFenceMs;
}

/** The fencing holder of one process: its stable instance id, then what tells its incarnations apart. */
export function holderToken(instanceId: string, pid: number, nonce: string): string {
  return `${instanceId}/${pid}/${nonce}`;
}

/** The stable instance id inside a holder token. */
export function instanceOf(holder: string): string {
  return holder.split('/')[0] ?? holder;
}
