/**
 * The one writer of a database: every write runs after the previous one has finished, so a
 * batch transaction never interleaves with another write on the same connection.
 */
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
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

/** Splits rows so that no statement binds more parameters than the dialect allows. */
export function chunksFor<T>(rows: T[], columnsPerRow: number, maxParams: number): T[][] {
  const size = Math.max(1, Math.floor(maxParams / columnsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
