/**
 * Gives the event loop a turn. With SQLite's synchronous driver a chain of awaits never does, so
 * a long write split into statements still froze the engine unless it yields between them.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes `rows` a slice at a time, with a turn of the event loop between slices. With SQLite's
 * synchronous driver one transaction of 10,000 rows (a cycle's samples, a whole network's statuses)
 * holds the engine's loop for its whole length, and every call waits behind it.
 */
export async function writeInSlices<T>(
  rows: readonly T[],
  size: number,
  write: (slice: T[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    if (start > 0) await nextTurn();
    await write(rows.slice(start, start + size));
  }
}

/** How long writes may follow one another before the event loop gets a turn. */
const SLICE_MS = 8;

export interface WriteBacklog {
  queued: number;
  waitingMs: number;
}

/**
 * Which queue a write joins: `inOrder` (nearly all) runs after every write queued before it;
 * `first` runs as soon as the write in progress ends, ahead of the queued `inOrder` ones — for a
 * small write on rows that already exist whose delay costs more than its place in line (the
 * outbox recording a message Telegram accepted: until it lands, a kill -9 would send it again).
 */
export type WriteLane = 'inOrder' | 'first';

interface QueuedWrite {
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The one writer of a database: every write runs after the previous one has finished, so a
 * batch transaction never interleaves with another write on the same connection.
 *
 * With SQLite's synchronous driver, a chain of writes (10,000 alarms raised one by one, say) is
 * only promises and never lets the event loop run: the engine would answer no call and read no
 * probe until the chain ends. So once writes have run back to back for a slice of time, the next
 * one waits a turn of the event loop first.
 */
export class Writer {
  private readonly lanes: Record<WriteLane, QueuedWrite[]> = { first: [], inOrder: [] };
  private draining = false;
  private sliceStart = 0;
  private queued = 0;
  /** When the write in progress started (performance.now()), null when none runs. */
  private runningSince: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  run<T>(work: () => Promise<T>, lane: WriteLane = 'inOrder'): Promise<T> {
    this.queued += 1;
    const done = new Promise<T>((resolve, reject) =>
      this.lanes[lane].push({ work, resolve: resolve as (value: unknown) => void, reject }),
    );
    void this.drain();
    return done;
  }

  /** Writes waiting in (or running from) the queue. */
  get pending(): number {
    return this.queued;
  }

  /**
   * Writes waiting (the one in progress included) and how long the one in progress has gone
   * unanswered: a store that stalls shows here first, before any error.
   */
  backlog(): WriteBacklog {
    return {
      queued: this.queued,
      waitingMs: this.runningSince === null ? 0 : Math.max(0, this.now() - this.runningSince),
    };
  }

  /** Runs the queued writes one at a time until none is left; one drain at a time. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.lanes.first.length + this.lanes.inOrder.length > 0) {
        await this.turnIfDue();
        const write = (this.lanes.first.shift() ?? this.lanes.inOrder.shift())!;
        this.runningSince = this.now();
        try {
          write.resolve(await write.work());
        } catch (error) {
          write.reject(error);
        } finally {
          this.queued -= 1;
          this.runningSince = null;
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async turnIfDue(): Promise<void> {
    if (this.now() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = this.now();
  }
}

/**
 * Coalesces many small write calls into one transaction: items queued while a flush is pending
 * go out together, and each caller's promise settles when its rows are committed.
 */
export class BatchQueue<T> {
  private items: T[] = [];
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly writer: Writer,
    private readonly flushBatch: (items: T[]) => Promise<void>,
    private readonly maxItems = 20_000,
  ) {}

  push(items: T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    this.items.push(...items);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.items.length >= this.maxItems) void this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    return done;
  }

  flush(): Promise<void> {
    this.scheduled = false;
    if (this.items.length === 0) return Promise.resolve();
    const items = this.items;
    const waiters = this.waiters;
    this.items = [];
    this.waiters = [];
    return this.writer
      .run(() => this.flushBatch(items))
      .then(
        () => waiters.forEach((waiter) => waiter.resolve()),
        (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
      );
  }
}

/**
 * Splits rows so that no statement binds more parameters than the dialect allows, nor carries
 * more than `maxRows` rows (a bound on how long one statement keeps the engine busy).
 */
export function chunksFor<T>(rows: T[], columnsPerRow: number, maxParams: number, maxRows = Infinity): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
