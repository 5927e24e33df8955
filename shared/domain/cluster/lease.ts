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
 * times per cycle: a dead or hung leader is replaced within 1.75 cycles (lease expiry + the next
 * round), inside the goal of two cycles, while a leader whose event loop stalls for a whole cycle
 * (a loaded machine) keeps its lease. Floors keep a mis-set interval from a busy loop.
 */
export function leaseTimings(cycleMs: number): LeaseTimings {
  const ttlMs = Math.max(1_000, Math.round(cycleMs * 1.5));
  return {
    ttlMs,
    renewMs: Math.max(250, Math.floor(cycleMs / 4)),
    selfFenceMs: Math.floor(ttlMs * 0.8),
  };
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
