import { createHash } from 'node:crypto';
import type { BreakerState, MessageTemplates, NotifyLanguage } from '../../../shared/contract/notify';
import type { OutboxMessage } from '../../../shared/contract/entities';
import {
  backoffMs,
  CircuitBreaker,
  TokenBucket,
  type BackoffRule,
  type BreakerRule,
  waitedMs,
} from '../../../shared/domain/notify/delivery-policy';
import { NotifyEvent } from '../../../shared/domain/notify/event';
import { composeMessages } from '../../../shared/domain/notify/template';
import type { NewOutboxMessage, Repository } from '../store/repository';
import { answeringStore, DEFAULT_STALL_MS, WriteBehind } from '../store/write-behind';
import type { RemoteChannel } from './channel';
import { DeliveryError } from './delivery-error';
import { MemoryOutbox } from './memory-outbox';

/** Where a destination is and how it reads; null when it is no longer in the settings. */
export interface ResolvedDestination {
  channel: RemoteChannel;
  language: NotifyLanguage;
  templates: MessageTemplates;
  /** Messages per minute this destination accepts. */
  perMinute: number;
}

export interface OutboxSenderOptions {
  repo: Repository;
  /** This workstation, for claims: stable across restarts so its own claims can be released. */
  owner: string;
  resolve(channel: string, destination: string): ResolvedDestination | null;
  groupWindowMs(): number;
  log(message: string): void;
  now?: () => number;
  random?: () => number;
  pollMs?: number;
  leaseMs?: number;
  /** A message still failing this long after its alarm is given up, with the last reason. */
  maxAgeMs?: number;
  backoff?: BackoffRule;
  breaker?: BreakerRule;
  /** How long queueing a message waits for the store before it is sent from memory (default 1 s). */
  stallMs?: number;
  /**
   * Asked right before every claim and every send (several instances on one PostgreSQL: whether
   * this one still leads by its own clock). A process woken from a stop sends nothing it claimed
   * before: the new leader sends it once its claim expires. Default: always.
   */
  mayDeliver?: () => boolean;
}

export interface DestinationHealth {
  channel: string;
  destination: string;
  breaker: BreakerState;
  lastError: string | null;
}

interface DestinationPace {
  breaker: CircuitBreaker;
  bucket: TokenBucket;
  perMinute: number;
  lastError: string | null;
}

const BATCH = 1_000;

/**
 * Drains the notification outbox. Rows for one destination are sent together once the oldest has
 * waited the grouping window, as few messages as the channel's length limit allows; each
 * destination has its own pace (token bucket) and circuit breaker, and a failure backs off
 * exponentially or as long as the far end asked (429). A row is claimed in the store before it
 * is sent and marked sent right after, so a restart neither loses nor repeats it; the only
 * window left is a crash between the far end accepting and the store recording it.
 *
 * Sending never waits on the store: a message the store has not taken within `stallMs` is held in
 * memory and sent from there (see MemoryOutbox), and stored rows are read with the same patience.
 */
export class OutboxSender {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAgeMs: number;
  private readonly backoff: BackoffRule;
  private readonly breakerRule: BreakerRule;
  private readonly paces = new Map<string, DestinationPace>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private rerun = false;
  private running = false;
  /** New rows, and the outcomes of rows held in memory (which must follow their row). */
  private readonly writes: WriteBehind;
  /** Outcomes of stored rows: never behind a queue of new rows, so a sent-mark lands promptly. */
  private readonly outcomes: WriteBehind;
  private readonly memory: MemoryOutbox;
  /** The one read of due rows on its way (a stalled store answers it late, or never). */
  private dueRead: Promise<OutboxMessage[]> | null = null;
  /**
   * Rows whose claim the store confirmed only after the sender had stopped waiting for it (a busy
   * store: say, the 10,000 alarm writes of a mass outage ahead in its queue). They are this
   * sender's until their lease runs out, so the next tick sends them, instead of leaving the
   * alert for the lease — minutes — to expire.
   */
  private lateClaims: OutboxMessage[] = [];

  constructor(private readonly options: OutboxSenderOptions) {
    const lane = () =>
      new WriteBehind({
        ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
        answering: answeringStore(options.repo, options.stallMs),
        onError: (error) =>
          options.log(`notify: the outbox write is kept for a retry: ${(error as Error).message}`),
      });
    this.writes = lane();
    this.outcomes = lane();
    this.memory = new MemoryOutbox(options.repo, this.writes);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 3_600_000;
    // At most 2 min between tries: a destination that is back hears the owed alerts within two
    // ICMP cycles at the default stable interval (60 s), not five minutes later.
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 2 * 60_000 };
    this.breakerRule = options.breaker ?? { failures: 5, openMs: 60_000 };
  }

  async start(): Promise<void> {
    const released = await this.options.repo.outbox.releaseClaims(this.options.owner);
    if (released > 0) this.options.log(`notify: ${released} message(s) left mid-send are queued again`);
    this.running = true;
    this.wake();
  }

  /**
   * Queues a message (ignored when its key is already queued); returns whether it is new. The row
   * is written first; when the store does not take it in time, it is sent from memory meanwhile.
   */
  async enqueue(message: NewOutboxMessage): Promise<boolean> {
    if (this.memory.holds(message.idempotencyKey)) return false;
    const landing = await this.writes.within(() => this.options.repo.outbox.enqueue(message));
    if (landing.landed) return landing.value;
    this.memory.hold(message, landing.later);
    return true;
  }

  /** Messages and outcomes the store has not taken yet. */
  backlog(): number {
    return this.memory.size() + this.writes.backlog() + this.outcomes.backlog();
  }

  /** Something was enqueued (or the settings changed): look now rather than at the next poll. */
  wake(): void {
    if (!this.running) return;
    if (this.ticking) {
      this.rerun = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ticking = this.tick()
      .catch((error: unknown) => this.options.log(`notify: outbox check failed: ${(error as Error).message}`))
      .finally(() => {
        this.ticking = null;
        if (!this.running) return;
        if (this.rerun) {
          this.rerun = false;
          this.wake();
        } else this.timer = setTimeout(() => this.wake(), this.pollMs);
      });
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  destinations(): DestinationHealth[] {
    const now = this.now();
    return [...this.paces.entries()].map(([key, pace]) => {
      const [channel = '', destination = ''] = key.split('\u0000');
      return { channel, destination, breaker: pace.breaker.state(now), lastError: pace.lastError };
    });
  }

  private async tick(): Promise<void> {
    if (!(this.options.mayDeliver?.() ?? true)) return;
    const now = this.now();
    await this.sendLateClaims(now);
    const due = [...this.memory.due(now), ...(await this.storedDue(now))];
    const windowMs = this.options.groupWindowMs();
    for (const [key, rows] of byDestination(due)) {
      if (this.inFlight.has(key)) continue;
      const first = rows[0]!;
      const resolved = await this.resolveOrGiveUp(rows);
      if (!resolved) continue;
      const retrying = rows.some((row) => row.attempts > 0);
      if (!retrying && waitedMs(first.createdAt, now) < windowMs) continue;
      const pace = this.pace(key, resolved.perMinute, now);
      if (pace.bucket.waitMs(now) > 0 || pace.breaker.state(now) === 'open') continue;
      const claimed = await this.claim(rows, now);
      if (claimed.length === 0) continue;
      this.dispatch(key, pace, resolved, claimed);
    }
  }

  /** Sends late-claimed rows while the first half of their lease lasts; the rest wait their turn. */
  private async sendLateClaims(now: number): Promise<void> {
    const ours = this.lateClaims.splice(0).filter((row) => (row.claimedUntil ?? 0) - now > this.leaseMs / 2);
    for (const [key, rows] of byDestination(ours)) {
      const resolved = await this.resolveOrGiveUp(rows);
      if (!resolved) continue;
      const pace = this.pace(key, resolved.perMinute, now);
      if (this.inFlight.has(key) || pace.bucket.waitMs(now) > 0 || pace.breaker.state(now) === 'open')
        this.lateClaims.push(...rows);
      else this.dispatch(key, pace, resolved, rows);
    }
  }

  private async resolveOrGiveUp(rows: OutboxMessage[]): Promise<ResolvedDestination | null> {
    const first = rows[0]!;
    const resolved = this.options.resolve(first.channel, first.destination);
    if (!resolved)
      await this.giveUp(
        rows,
        `${first.channel} destination "${first.destination}" is no longer in the settings`,
      );
    return resolved;
  }

  private dispatch(
    key: string,
    pace: DestinationPace,
    resolved: ResolvedDestination,
    rows: OutboxMessage[],
  ): void {
    const sending = this.send(pace, resolved, rows).finally(() => {
      this.inFlight.delete(key);
      this.wake();
    });
    this.inFlight.set(key, sending);
  }

  /**
   * The store's due rows, but for those held in memory; none when the store does not answer in
   * time (the read stays out, and the next tick takes its answer).
   */
  private async storedDue(now: number): Promise<OutboxMessage[]> {
    if (this.writes.stalled()) return [];
    this.dueRead ??= this.options.repo.outbox.due(now, BATCH).finally(() => (this.dueRead = null));
    const rows = await this.patiently(this.dueRead);
    return (rows ?? []).filter((row) => !this.memory.holds(row.idempotencyKey));
  }

  /** Held rows are claimed in memory; stored rows in the store, so no other workstation sends them. */
  private async claim(rows: OutboxMessage[], now: number): Promise<OutboxMessage[]> {
    const held = rows.filter((row) => MemoryOutbox.owns(row.id)).map((row) => row.id);
    const stored = rows.filter((row) => !MemoryOutbox.owns(row.id)).map((row) => row.id);
    const claimed = this.memory.claim(held);
    if (stored.length === 0) return claimed;
    const claiming = this.options.repo.outbox.claim(stored, this.options.owner, now, now + this.leaseMs);
    const got = await this.patiently(claiming);
    // A claim answered late is sent at the next tick, while its lease holds (see lateClaims).
    if (got === null)
      void claiming.then(
        (late) => {
          this.lateClaims.push(...late);
          this.wake();
        },
        () => undefined,
      );
    return claimed.concat(got ?? []);
  }

  /** The answer, or null when the store takes longer than a stall. */
  private async patiently<T>(answer: Promise<T>): Promise<T | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DEFAULT_STALL_MS)));
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Outcomes: a held row's in memory; a stored row's through the ordered, retried writes, waited
  // for until it lands while the store answers — the next message to the destination goes only
  // once this one is recorded as sent, so a kill -9 can repeat at most the message in flight —
  // and no longer than a stall otherwise: a store frozen mid-send must not hold the destination's
  // next alerts (the row keeps its claim's lease meanwhile, so nobody sends it again).
  private markSent(ids: number[], at: number): Promise<void> {
    this.memory.sent(ids.filter(MemoryOutbox.owns), at);
    return this.storeOutcome(ids, (stored) => this.options.repo.outbox.markSent(stored, at));
  }

  private markRetry(ids: number[], nextAttemptAt: number, error: string): Promise<void> {
    this.memory.retry(ids.filter(MemoryOutbox.owns), nextAttemptAt, error);
    return this.storeOutcome(ids, (stored) =>
      this.options.repo.outbox.markRetry(stored, nextAttemptAt, error),
    );
  }

  private markFailed(ids: number[], error: string): Promise<void> {
    this.memory.failed(ids.filter(MemoryOutbox.owns), error);
    return this.storeOutcome(ids, (stored) => this.options.repo.outbox.markFailed(stored, error));
  }

  private async storeOutcome(ids: number[], write: (stored: number[]) => Promise<void>): Promise<void> {
    const stored = ids.filter((id) => !MemoryOutbox.owns(id));
    if (stored.length > 0) await this.outcomes.within(() => write(stored));
  }

  private pace(key: string, perMinute: number, now: number): DestinationPace {
    let pace = this.paces.get(key);
    if (!pace || pace.perMinute !== perMinute) {
      // A short burst is fine; the sustained rate is what the far end limits.
      const bucket = new TokenBucket(Math.min(3, perMinute), perMinute / 60_000, now);
      pace = {
        breaker: pace?.breaker ?? new CircuitBreaker(this.breakerRule),
        bucket,
        perMinute,
        lastError: null,
      };
      this.paces.set(key, pace);
    }
    return pace;
  }

  private async send(
    pace: DestinationPace,
    destination: ResolvedDestination,
    rows: OutboxMessage[],
  ): Promise<void> {
    const readable: { row: OutboxMessage; event: NotifyEvent }[] = [];
    for (const row of rows) {
      const parsed = NotifyEvent.safeParse(safeJson(row.payload));
      if (parsed.success) readable.push({ row, event: parsed.data });
      else await this.markFailed([row.id], 'unreadable message in the outbox');
    }
    const chunks = composeMessages(
      destination.templates,
      readable.map((item) => item.event),
      destination.language,
    );
    for (const [index, chunk] of chunks.entries()) {
      const items = chunk.events.map((at) => readable[at]!);
      const ids = items.map((item) => item.row.id);
      const now = this.now();
      if (index > 0) await this.awaitToken(pace);
      pace.bucket.take(this.now());
      if (!(this.options.mayDeliver?.() ?? true)) return;
      try {
        await destination.channel.send(
          items[0]!.row.destination,
          { text: chunk.text, events: items.map((item) => item.event) },
          messageKey(items.map((item) => item.row.idempotencyKey)),
        );
      } catch (error) {
        const failure =
          error instanceof DeliveryError ? error : new DeliveryError((error as Error).message, true);
        pace.lastError = failure.message;
        const rest = chunks.slice(index).flatMap((later) => later.events.map((at) => readable[at]!.row));
        await this.failed(pace, rest, failure, now);
        return;
      }
      await this.markSent(ids, this.now());
      pace.breaker.succeeded();
      pace.lastError = null;
    }
  }

  private async awaitToken(pace: DestinationPace): Promise<void> {
    const wait = pace.bucket.waitMs(this.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private async failed(pace: DestinationPace, rows: OutboxMessage[], failure: DeliveryError, now: number) {
    pace.breaker.failed(now);
    if (!failure.retryable) {
      // A bad token or an unknown chat is not a hiccup: stop here and say why in the status.
      await this.markFailed(
        rows.map((row) => row.id),
        failure.message,
      );
      this.options.log(`notify: gave up ${rows.length} message(s): ${failure.message}`);
      return;
    }
    const tooOld = rows.filter((row) => now - row.createdAt >= this.maxAgeMs);
    if (tooOld.length)
      await this.markFailed(
        tooOld.map((row) => row.id),
        `gave up after ${Math.round(this.maxAgeMs / 3_600_000)} h: ${failure.message}`,
      );
    const retry = rows.filter((row) => now - row.createdAt < this.maxAgeMs);
    const attempts = Math.max(0, ...retry.map((row) => row.attempts));
    const delay = Math.max(
      failure.retryAfterMs ?? 0,
      backoffMs(attempts, this.backoff, this.random()),
      pace.breaker.retryInMs(now),
    );
    await this.markRetry(
      retry.map((row) => row.id),
      now + delay,
      failure.message,
    );
  }

  private async giveUp(rows: OutboxMessage[], reason: string): Promise<void> {
    await this.markFailed(
      rows.map((row) => row.id),
      reason,
    );
    this.options.log(`notify: ${reason}; ${rows.length} message(s) not sent`);
  }
}

/** Rows by destination (channel and destination), each list in the order given. */
function byDestination(rows: OutboxMessage[]): Map<string, OutboxMessage[]> {
  const groups = new Map<string, OutboxMessage[]>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.destination}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * One message's key: its event's own key, or for a group a digest of its events' keys, so a
 * header stays short however many events the message lists.
 */
function messageKey(keys: string[]): string {
  if (keys.length === 1) return keys[0]!;
  return `sha256:${createHash('sha256').update(keys.join('\n')).digest('hex')}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
