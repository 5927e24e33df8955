import { isFenced, isForeignKeyViolation, isUniqueViolation } from './errors';
import type { WriteBacklog } from './writer';

/** A write that landed in time, or the promise of it landing once the store answers again. */
export type Landing<T> = { landed: true; value: T } | { landed: false; later: Promise<T> };

export interface WriteBehindOptions {
  /** How long a caller waits for its write before going on without it. */
  stallMs?: number;
  /** Where failed attempts are told (each is retried). */
  onError?: (error: unknown) => void;
  now?: () => number;
  /**
   * Whether the store is still answering — busy, its queue long, but each write landing — rather
   * than stalled (a write hanging or failing). While it answers, a caller waits for its write: a
   * decision published before it is durable could be lost, or sent twice, if the engine were
   * killed meanwhile. Default: never (a caller waits `stallMs` at most).
   */
  answering?: () => boolean;
}

/** How long the engine waits for a write before going on from memory; past it the store is stalled. */
export const DEFAULT_STALL_MS = 1_000;
const MAX_RETRY_MS = 2_000;

/**
 * A store answers while the write it is running has taken no longer than a stall: busy with a long
 * queue, it still lands write after write; frozen, its one write in progress hangs.
 */
export const answeringStore =
  (store: { backlog(): WriteBacklog }, stallMs = DEFAULT_STALL_MS): (() => boolean) =>
  () =>
    store.backlog().waitingMs <= stallMs;

/** The store was closed (the engine is stopping): no retry will find it open again. */
const CLOSED = /connection is not open|after calling end on the pool/i;

/**
 * A write that can never succeed however often it is retried: a row it refers to is gone, or it
 * is a deposed poller leader's (fenced: the new leader decides from now on).
 */
const isPermanent = (error: unknown): boolean =>
  isForeignKeyViolation(error) ||
  isUniqueViolation(error) ||
  isFenced(error) ||
  CLOSED.test(String((error as Error)?.message));

/**
 * Writes that must never be lost but must never hold up the engine either: they run one after
 * another, in the order given, each retried (backing off up to two seconds) until the store takes
 * it. A caller waits for its write at most `stallMs` — not at all while an earlier write is already
 * stalled — and otherwise goes on deciding from memory, told when the write lands.
 */
export class WriteBehind {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** When the write now at the head started waiting for the store, null when none runs. */
  private headSince: number | null = null;
  /** Whether the write at the head has failed at least once (the store refuses: a stall). */
  private headFailed = false;
  private readonly stallMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly now: () => number;

  constructor(options: WriteBehindOptions = {}) {
    this.stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    this.onError = options.onError ?? (() => undefined);
    this.now = options.now ?? (() => performance.now());
    this.answering = options.answering ?? (() => false);
  }

  private readonly answering: () => boolean;

  /** Queues `work` behind the writes before it; resolves once it landed. */
  push<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const run = () => this.untilLanded(work);
    const next = this.tail.then(run, run).finally(() => {
      this.pending -= 1;
      this.headSince = null;
      this.headFailed = false;
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * Queues `work` and waits for it until it lands or the store stalls: `stallMs` at most when the
   * store is not known to be answering, not at all when it already stalls.
   */
  async within<T>(work: () => Promise<T>): Promise<Landing<T>> {
    let wait = this.stalled() ? 0 : this.stallMs;
    const later = this.push(work);
    const landed = later.then((value) => ({ value }));
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), wait)));
      try {
        const first = await Promise.race([landed, late]);
        if (first !== 'late') return { landed: true, value: first.value };
      } finally {
        clearTimeout(timer);
      }
      if (wait === 0 || this.stalled()) return { landed: false, later };
      wait = this.stallMs;
    }
  }

  /**
   * Whether the write at the head has waited longer than a caller would while the store failed
   * it or did not answer.
   */
  stalled(): boolean {
    if (this.headSince === null || this.now() - this.headSince <= this.stallMs) return false;
    return this.headFailed || !this.answering();
  }

  /** Writes not yet landed. */
  backlog(): number {
    return this.pending;
  }

  /** Resolves once every write queued so far has landed (or was refused for good). */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private async untilLanded<T>(work: () => Promise<T>): Promise<T> {
    this.headSince = this.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (isPermanent(error)) throw error;
        this.headFailed = true;
        this.onError(error);
        const delay = Math.min(MAX_RETRY_MS, 250 * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }
}
