import pg from 'pg';
import {
  leaseTimings,
  mayLead,
  nextRoundMs,
  selfFenced,
  type LeaseTimings,
} from '../../../shared/domain/cluster/lease';

/** One term of leadership of a group: its fencing epoch and when it began (database clock). */
export interface Term {
  epoch: number;
  since: number;
}

export interface LeaseKeeperOptions {
  url: string;
  /** This process's fencing holder (holderToken): the store's sessions carry the same. */
  holder: string;
  /** The stable id pinned groups name. */
  instanceId: string;
  /** What the UI shows: host name and process. */
  label: string;
  /** The ICMP critical interval: a lease lasts one cycle (see leaseTimings). */
  cycleMs: () => number;
  log(message: string): void;
}

/** The database's clock in epoch milliseconds: every instance judges expiry by the same clock. */
export const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

/**
 * Why a lease row and not an advisory lock: an advisory lock lives as long as its session, and a
 * hung process (SIGSTOP) keeps its session open — nobody could take over until TCP keepalives gave
 * up, minutes later. A lease expires by the database's clock whatever the holder does, and its
 * epoch lets the database refuse a deposed holder's writes (the fence triggers of the store's
 * cluster_fence migration check the holder of every leader-only write in the same statement).
 */
const ACQUIRE = `
  WITH n AS (SELECT ${NOW_MS} AS ms), taken AS (
    INSERT INTO poller_leases (group_id, holder, holder_label, epoch, since, expires_at)
    SELECT $1, $2, $3, 1, n.ms, n.ms + $4 FROM n
    ON CONFLICT (group_id) DO UPDATE SET
      holder = EXCLUDED.holder, holder_label = EXCLUDED.holder_label, epoch = poller_leases.epoch + 1,
      since = EXCLUDED.since, expires_at = EXCLUDED.expires_at
    WHERE poller_leases.expires_at <= EXCLUDED.since
    RETURNING epoch, since)
  SELECT taken.epoch::float8 AS epoch, taken.since::float8 AS since,
    -- Not taken: how long the lease in the way still runs (the statement's snapshot is before the insert).
    (SELECT (held.expires_at - n.ms)::float8 FROM poller_leases held WHERE held.group_id = $1) AS remaining
  FROM n LEFT JOIN taken ON true`;

/** Only the holder of this very term renews: a lease someone else took is never taken back here. */
const RENEW = `
  UPDATE poller_leases SET expires_at = ${NOW_MS} + $4
  WHERE group_id = $1 AND holder = $2 AND epoch = $3
  RETURNING epoch::float8 AS epoch`;

const RELEASE = `DELETE FROM poller_leases WHERE holder = $1 AND ($2::integer IS NULL OR group_id = $2)`;

/**
 * Keeps this instance's leases on a shared PostgreSQL: renews the terms it holds, takes the groups
 * whose lease expired (when not pinned to other instances), gives up those pinned away, and stops
 * leading by its own clock when renewals fail (the database connection lost). Its own connection:
 * a store busy with a long write never delays a renewal.
 */
export class LeaseKeeper {
  private readonly pool: pg.Pool;
  private readonly leading = new Map<number, Term & { renewedAt: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticking: Promise<void> | null = null;
  /** The lease length the last round wrote, and whether a round must follow the running one at once. */
  private roundTtlMs: number | null = null;
  private retimed = false;
  /** How long the leases the last round tried and could not take still ran (ms, database clock). */
  private remaining: number[] = [];
  private stopped = false;
  /** Told after every change of the groups this instance leads (never twice in a row the same). */
  private onChange: (leading: ReadonlyMap<number, Term>) => void = () => undefined;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: 1,
      application_name: `vigia ${options.holder}`,
      // A renewal slower than this is as good as lost: the self-fence decides meanwhile.
      connectionTimeoutMillis: this.timings().selfFenceMs,
      query_timeout: this.timings().selfFenceMs,
    });
    this.pool.on('error', (error) => options.log(`cluster: lease connection lost: ${error.message}`));
    // Terminated while a renewal runs: the renewal fails (and is told); the process goes on.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  start(onChange: (leading: ReadonlyMap<number, Term>) => void): void {
    this.onChange = onChange;
    this.schedule(0);
  }

  /**
   * The ICMP cycle changed (saved here, or taken up from another workstation): when the leases'
   * length changes with it, a round runs now, so the leases held get the new length and the
   * rounds the new period at once. Otherwise a lease taken under a longer cycle would outlive a
   * leader lost right after a change by up to 1.5 of the old cycles (a 15 s default shortened to
   * 5 s: a kill -9 replaced after 19 s instead of 10), and followers would try at the old period.
   */
  retime(): void {
    if (this.stopped || this.timings().ttlMs === this.roundTtlMs) return;
    if (this.ticking) this.retimed = true;
    else if (this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
  }

  /**
   * Whether this process leads the group now by its own clock: asked synchronously before a
   * leader-only action, so a process woken from a stop does nothing before its next lease round.
   */
  holdsNow(group: number): boolean {
    const term = this.leading.get(group);
    return term !== undefined && !selfFenced(term.renewedAt, performance.now(), this.timings());
  }

  /** The groups led now and their terms. */
  terms(): ReadonlyMap<number, Term> {
    return new Map([...this.leading].map(([group, { epoch, since }]) => [group, { epoch, since }]));
  }

  /** Stops renewing (no more changes are reported); the leases stay until release() or expiry. */
  async halt(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }

  /** Hands every lease back at once, so another instance takes over without waiting for expiry. */
  async release(): Promise<void> {
    await this.halt();
    this.leading.clear();
    await this.pool.query(RELEASE, [this.options.holder, null]).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private timings(): LeaseTimings {
    return leaseTimings(this.options.cycleMs());
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick().finally(() => {
        this.ticking = null;
        const again = this.retimed;
        this.retimed = false;
        this.schedule(again ? 0 : nextRoundMs(this.timings(), this.remaining));
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const before = this.signature();
    const timings = this.timings();
    this.roundTtlMs = timings.ttlMs;
    this.remaining = [];
    // A process that was stopped (SIGSTOP) or cut off finds its term over before anything else runs.
    this.dropStale(performance.now(), timings);
    const woke = this.signature();
    if (woke !== before) this.onChange(this.terms());
    try {
      const groups = await this.pool.query<{ id: number; pinned: string[] }>(
        'SELECT id, pinned FROM poller_groups',
      );
      for (const group of groups.rows) {
        const allowed = mayLead(group.pinned, this.options.instanceId);
        const term = this.leading.get(group.id);
        if (term && !allowed) await this.releaseGroup(group.id);
        else if (term) await this.renew(group.id, term, timings);
        else if (allowed) await this.acquire(group.id, timings);
      }
      const present = new Set(groups.rows.map((group) => group.id));
      for (const group of this.leading.keys()) if (!present.has(group)) this.leading.delete(group);
    } catch (error) {
      this.options.log(`cluster: lease round failed: ${(error as Error).message}`);
    }
    this.dropStale(performance.now(), timings);
    if (this.signature() !== woke) this.onChange(this.terms());
  }

  private dropStale(now: number, timings: LeaseTimings): void {
    for (const [group, term] of this.leading)
      if (selfFenced(term.renewedAt, now, timings)) {
        this.options.log(`cluster: no lease renewal for group ${group} in time; its pollers stop here`);
        this.leading.delete(group);
      }
  }

  private async renew(
    group: number,
    term: Term & { renewedAt: number },
    timings: LeaseTimings,
  ): Promise<void> {
    const sentAt = performance.now();
    const renewed = await this.pool.query(RENEW, [group, this.options.holder, term.epoch, timings.ttlMs]);
    if (renewed.rowCount === 1) term.renewedAt = sentAt;
    else {
      this.options.log(`cluster: group ${group} is led by another instance now; this one follows`);
      this.leading.delete(group);
    }
  }

  private async acquire(group: number, timings: LeaseTimings): Promise<void> {
    const sentAt = performance.now();
    const taken = await this.pool.query<{
      epoch: number | null;
      since: number | null;
      remaining: number | null;
    }>(ACQUIRE, [group, this.options.holder, this.options.label, timings.ttlMs]);
    const row = taken.rows[0];
    if (row?.epoch != null && row.since != null)
      this.leading.set(group, { epoch: row.epoch, since: row.since, renewedAt: sentAt });
    else if (row?.remaining != null) this.remaining.push(row.remaining);
  }

  private async releaseGroup(group: number): Promise<void> {
    this.leading.delete(group);
    await this.pool.query(RELEASE, [this.options.holder, group]);
  }

  private signature(): string {
    return [...this.leading].map(([group, term]) => `${group}:${term.epoch}`).join(',');
  }
}
