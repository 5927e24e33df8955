import pg from 'pg';
import { payloadsOf, RELAY_CHANNEL } from '../../../shared/domain/cluster/relay';
import { NOW_MS } from './lease-keeper';

/** A request as its group's leader claims it. */
export interface ClaimedDuty {
  id: number;
  kind: string;
  groupId: number;
  input: unknown;
}

/** A request as its asker reads it back. */
export interface DutyState {
  state: 'pending' | 'running' | 'done' | 'failed' | 'expired';
  progress: unknown;
  result: unknown;
  error: unknown;
  /** Whoever claimed it still leads the group by the database's clock (false while pending). */
  claimerLeads: boolean;
}

const ASK = `
  INSERT INTO duty_requests (kind, group_id, input, requester, requested_at, state, updated_at)
  SELECT $1, $2, $3, $4, n.ms, 'pending', n.ms FROM (SELECT ${NOW_MS} AS ms) n
  WHERE EXISTS (SELECT 1 FROM poller_leases WHERE group_id = $2 AND expires_at > n.ms)
  RETURNING id::float8 AS id`;

/**
 * Only the leader of the request's group claims it, checked twice: by this process's own clock
 * (the groups passed) and by the database's (vigia_holds_lease, the fence of migration
 * cluster_fence, reads this session's vigia.instance). A request older than the asker waits for a
 * claim is left: the asker has given up on it.
 */
const CLAIM = `
  UPDATE duty_requests SET state = 'running', claimed_by = $1, updated_at = ${NOW_MS}
  WHERE state = 'pending' AND group_id = ANY($2::integer[]) AND kind = ANY($3::text[])
    AND requested_at > ${NOW_MS} - $4 AND ($5::bigint[] IS NULL OR id = ANY($5::bigint[]))
    AND vigia_holds_lease(group_id)
  RETURNING id::float8 AS id, kind, group_id AS "groupId", input`;

const READ = `
  SELECT r.state, r.progress, r.result, r.error, EXISTS (
    SELECT 1 FROM poller_leases l
    WHERE l.group_id = r.group_id AND l.holder = r.claimed_by AND l.expires_at > ${NOW_MS}
  ) AS "claimerLeads"
  FROM duty_requests r WHERE r.id = $1`;

/** Answered requests are kept this long (for a look when something went wrong), then go. */
const KEEP_MS = 3_600_000;

/**
 * The duty_requests table on a shared PostgreSQL, through a connection of its own that carries
 * this process's fencing holder, and the notices that wake the other side at once (the relay's
 * channel and format; each side also reads on a timer, so a lost notice only slows it down).
 */
export class DutyStore {
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    private readonly holder: string,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 5_000,
      options: `-c vigia.instance=${holder}`,
      application_name: `vigia ${holder}`,
    });
    // A lost connection fails the query in flight (and is told by it); the process goes on.
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  /** A new request for the group's leader; null when no instance leads the group now. */
  async ask(kind: string, group: number, input: unknown): Promise<number | null> {
    const { rows } = await this.pool.query<{ id: number }>(ASK, [kind, group, input, this.holder]);
    return rows[0]?.id ?? null;
  }

  async read(id: number): Promise<DutyState | null> {
    const { rows } = await this.pool.query<DutyState>(READ, [id]);
    return rows[0] ?? null;
  }

  /** Gives up on a request nobody claimed; false when it was claimed meanwhile (it runs). */
  async expire(id: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE duty_requests SET state = 'expired', updated_at = ${NOW_MS} WHERE id = $1 AND state = 'pending'`,
      [id],
    );
    return rowCount === 1;
  }

  async cancel(id: number): Promise<void> {
    await this.pool.query(`UPDATE duty_requests SET cancel = true, updated_at = ${NOW_MS} WHERE id = $1`, [
      id,
    ]);
  }

  /** Claims the pending requests of these groups and kinds (of these ids only, when given). */
  async claim(
    groups: number[],
    kinds: string[],
    ids: number[] | null,
    maxAgeMs: number,
  ): Promise<ClaimedDuty[]> {
    if (groups.length === 0 || kinds.length === 0) return [];
    const { rows } = await this.pool.query<ClaimedDuty>(CLAIM, [this.holder, groups, kinds, maxAgeMs, ids]);
    return rows;
  }

  async report(id: number, progress: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE duty_requests SET progress = $2, updated_at = ${NOW_MS} WHERE id = $1 AND claimed_by = $3`,
      [id, JSON.stringify(progress), this.holder],
    );
  }

  async finish(id: number, answer: { result: unknown } | { error: unknown }): Promise<void> {
    const done = 'result' in answer;
    await this.pool.query(
      `UPDATE duty_requests SET state = $2, result = $3, error = $4, updated_at = ${NOW_MS}
       WHERE id = $1 AND claimed_by = $5`,
      [
        id,
        done ? 'done' : 'failed',
        done ? JSON.stringify(answer.result) : null,
        done ? null : JSON.stringify(answer.error),
        this.holder,
      ],
    );
  }

  /** Of these requests running here, those whose asker cancelled. */
  async cancelled(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ id: number }>(
      'SELECT id::float8 AS id FROM duty_requests WHERE id = ANY($1::bigint[]) AND cancel',
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Of these groups, those no instance leads now (by the database's clock). */
  async leaderless(groups: number[]): Promise<number[]> {
    if (groups.length === 0) return [];
    const { rows } = await this.pool.query<{ id: number }>(
      `SELECT g AS id FROM unnest($1::integer[]) g
       WHERE NOT EXISTS (SELECT 1 FROM poller_leases WHERE group_id = g AND expires_at > ${NOW_MS})`,
      [groups],
    );
    return rows.map((row) => row.id);
  }

  /** A group's name as stored ('' for the default group, whose name is translated). */
  async groupName(group: number): Promise<string | null> {
    const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM poller_groups WHERE id = $1', [
      group,
    ]);
    return rows[0]?.name ?? null;
  }

  /** Requests answered or expired over an hour ago, and those their claimer abandoned (lease lost). */
  async prune(): Promise<void> {
    await this.pool.query(
      `DELETE FROM duty_requests r WHERE r.updated_at < ${NOW_MS} - $1 AND (r.state <> 'running' OR NOT EXISTS (
         SELECT 1 FROM poller_leases l
         WHERE l.group_id = r.group_id AND l.holder = r.claimed_by AND l.expires_at > ${NOW_MS}))`,
      [KEEP_MS],
    );
  }

  async notify(kind: 'duty.requested' | 'duty.updated', ids: number[]): Promise<void> {
    for (const payload of payloadsOf({ from: this.holder, kind, ids }))
      await this.pool.query('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, payload]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
