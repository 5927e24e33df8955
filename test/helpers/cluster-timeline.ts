import type pg from 'pg';

/** The default group's lease row as one sample saw it (database clock, epoch ms). */
interface LeaseRow {
  holder: string;
  epoch: number;
  since: number;
  expires: number;
}

interface Sample {
  now: number;
  lease: LeaseRow | null;
  /** The lease keepers' takeover attempts in progress or last made, per session. */
  attempts: { app: string; start: number; state: string; wait: string | null }[];
}

/** One instance's attempt to take the lease, as its session's last statement showed it. */
export interface Attempt {
  pid: number;
  /** Seconds after the fault, by the database's clock. */
  atS: number;
  /** Whether it was waiting on a lock when seen. */
  waited: boolean;
}

/** What happened between a fault and the next term, in seconds after the fault (database clock). */
export interface FaultTimeline {
  /** When the deposed leader's last renewal ran out. */
  expiryS: number | null;
  /** Every lease change seen: holder pid, epoch, start. */
  terms: { pid: number; epoch: number; sinceS: number }[];
  /** Every takeover attempt seen after the fault, per instance. */
  attempts: Attempt[];
}

const SAMPLE = `
  SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::float8 AS now,
    (SELECT json_build_object('holder', holder, 'epoch', epoch, 'since', since, 'expires', expires_at)
       FROM poller_leases WHERE group_id = 1) AS lease,
    (SELECT coalesce(json_agg(json_build_object('app', application_name,
        'start', (extract(epoch FROM query_start) * 1000)::bigint, 'state', state, 'wait', wait_event_type)), '[]')
       FROM pg_stat_activity
       WHERE application_name LIKE 'vigia %' AND query LIKE '%INSERT INTO poller_leases%') AS attempts`;

const pidOf = (holder: string) => Number(holder.replace(/^vigia /, '').split('/')[1]);

/**
 * Watches the lease row and the lease keepers' sessions (pg_stat_activity: the start of each
 * session's last takeover statement) every 50 ms from a fault until stopped, so a slow takeover
 * shows where the time went: the old lease's expiry, each instance's attempts, every new term.
 */
export class LeaseTimelineWatch {
  private readonly samples: Sample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    sql: pg.Pool,
    private readonly faultAt: number,
  ) {
    this.loop = (async () => {
      while (this.running) {
        const { rows } = await sql.query<Sample>(SAMPLE);
        if (rows[0]) this.samples.push(rows[0]);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
  }

  async stop(): Promise<FaultTimeline> {
    this.running = false;
    await this.loop;
    const rel = (ms: number) => Math.round(ms - this.faultAt) / 1_000;
    const terms: FaultTimeline['terms'] = [];
    const attempts = new Map<string, Attempt>();
    let expiry: number | null = null;
    for (const sample of this.samples) {
      const lease = sample.lease;
      const last = terms.at(-1);
      if (lease && (!last || last.epoch !== Number(lease.epoch)))
        terms.push({
          pid: pidOf(lease.holder),
          epoch: Number(lease.epoch),
          sinceS: rel(Number(lease.since)),
        });
      // The old term's expiry: its last renewal, as long as it is the first term seen.
      if (lease && terms.length === 1) expiry = Number(lease.expires);
      for (const attempt of sample.attempts) {
        const start = Number(attempt.start);
        if (start < this.faultAt) continue;
        const key = `${attempt.app}@${start}`;
        const seen = attempts.get(key);
        const waited = attempt.state === 'active' && attempt.wait === 'Lock';
        if (seen) seen.waited ||= waited;
        else attempts.set(key, { pid: pidOf(attempt.app), atS: rel(start), waited });
      }
    }
    return {
      expiryS: expiry === null ? null : rel(expiry),
      terms,
      attempts: [...attempts.values()].sort((a, b) => a.atS - b.atS),
    };
  }
}
