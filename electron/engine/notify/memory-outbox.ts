import type { OutboxMessage } from '../../../shared/contract/entities';
import { isDue } from '../../../shared/domain/notify/delivery-policy';
import type { NewOutboxMessage, Repository } from '../store/repository';
import type { WriteBehind } from '../store/write-behind';

interface HeldRow {
  row: OutboxMessage;
  /** Resolves once the row is in the store (as pending), whenever the store answers again. */
  stored: Promise<unknown>;
}

/**
 * Notifications the store has not taken yet (it stalled while they were queued): the sender sends
 * them from here, with the same grouping, pace and breaker as stored rows, so an alarm raised
 * during a stall still reaches Telegram and the webhooks. Each row keeps its idempotency key; its
 * stored twin is ignored by the sender while it is held here, and once it is sent or given up the
 * outcome is written to the store by that key — so it is neither lost nor sent twice.
 */
export class MemoryOutbox {
  private readonly held = new Map<string, HeldRow>();
  private readonly byId = new Map<number, string>();
  private nextId = -1;

  constructor(
    private readonly repo: Repository,
    private readonly writes: WriteBehind,
  ) {}

  /** Holds a message whose row is still on its way to the store. */
  hold(message: NewOutboxMessage, stored: Promise<unknown>): void {
    if (this.held.has(message.idempotencyKey)) return;
    const id = this.nextId--;
    const row: OutboxMessage = {
      ...message,
      id,
      state: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      claimedBy: null,
      claimedUntil: null,
    };
    this.held.set(message.idempotencyKey, { row, stored });
    this.byId.set(id, message.idempotencyKey);
  }

  /** Whether this row id is one of these held messages (they have negative ids). */
  static owns(id: number): boolean {
    return id < 0;
  }

  holds(key: string): boolean {
    return this.held.has(key);
  }

  size(): number {
    return this.held.size;
  }

  due(now: number): OutboxMessage[] {
    return [...this.held.values()]
      .map(({ row }) => row)
      .filter((row) => row.state === 'pending' && isDue(row.nextAttemptAt, now));
  }

  claim(ids: number[]): OutboxMessage[] {
    return this.rows(ids)
      .filter((row) => row.state === 'pending')
      .map((row) => Object.assign(row, { state: 'sending' as const }));
  }

  retry(ids: number[], nextAttemptAt: number, error: string): void {
    for (const row of this.rows(ids))
      Object.assign(row, { state: 'pending', nextAttemptAt, lastError: error, attempts: row.attempts + 1 });
  }

  sent(ids: number[], at: number): void {
    this.settle(ids, 'sent', (keys) => this.repo.outbox.markSentByKeys(keys, at));
  }

  failed(ids: number[], error: string): void {
    this.settle(ids, 'failed', (keys) => this.repo.outbox.markFailedByKeys(keys, error));
  }

  /** The outcome goes to the store after the row itself, then the message is no longer held. */
  private settle(ids: number[], state: 'sent' | 'failed', write: (keys: string[]) => Promise<void>): void {
    for (const id of ids) {
      const key = this.byId.get(id);
      const held = key === undefined ? undefined : this.held.get(key);
      if (!key || !held) continue;
      held.row.state = state;
      this.byId.delete(id);
      void held.stored.then(() => this.writes.push(() => write([key]))).finally(() => this.held.delete(key));
    }
  }

  private rows(ids: number[]): OutboxMessage[] {
    return ids.flatMap((id) => {
      const key = this.byId.get(id);
      const held = key === undefined ? undefined : this.held.get(key);
      return held ? [held.row] : [];
    });
  }
}
