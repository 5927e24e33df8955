import { ApiFailure } from '../../../shared/contract/api-failure';
import { ApiError } from '../../../shared/contract/api';
import {
  dutyKinds,
  isDutyKind,
  type DutyInput,
  type DutyKind,
  type DutyOutput,
  type DutyProgress,
} from '../../../shared/contract/duty-requests';
import { translate, type Language } from '../../../shared/i18n';
import type { ClaimedDuty, DutyStore } from './duty-store';

/** What a duty's work gets where it runs: a way to report progress, and the asker's cancel. */
export interface DutyContext<K extends DutyKind> {
  progress(value: DutyProgress<K>): void;
  signal: AbortSignal;
}

export type DutyHandler<K extends DutyKind> = (
  input: DutyInput<K>,
  context: DutyContext<K>,
) => Promise<DutyOutput<K>>;

export interface DutyCall<K extends DutyKind> {
  onProgress?(value: DutyProgress<K>): void;
  signal?: AbortSignal;
  /** Past this the asker stops waiting and cancels (absent: as long as the leader holds the group). */
  timeoutMs?: number;
}

/**
 * An operator's action on a subject ("run now", "collect now", a backup run) runs on the leader of
 * the subject's poller group, whichever instance the operator uses: here when this instance leads
 * it (always, on SQLite), else asked of that leader through the store and answered back.
 */
export interface DutyRouter {
  /** What this instance does when it is asked, as the leader of the subject's group. */
  serve<K extends DutyKind>(kind: K, handler: DutyHandler<K>): void;
  run<K extends DutyKind>(
    kind: K,
    group: number,
    input: DutyInput<K>,
    call?: DutyCall<K>,
  ): Promise<DutyOutput<K>>;
  /** Of these groups, those no instance leads now. */
  leaderless(groups: number[]): Promise<number[]>;
  /** The clear error for a group nobody leads, in the operator's language. */
  noLeader(group: number): Promise<ApiFailure>;
}

export interface DutyRequestsOptions {
  /** The requests table (PostgreSQL); null: one instance alone (SQLite), doing everything itself. */
  store: DutyStore | null;
  /** Whether this instance leads the group now, by its own clock. */
  leads(group: number): boolean;
  /** The groups led here now. */
  ledGroups(): number[];
  language(): Language;
  log(message: string): void;
  /** How long a request waits for its leader to take it up (default 5 s). */
  claimMs?: number;
  /** How often each side reads the table besides the notices (default 1 s). */
  pollMs?: number;
}

const PROGRESS_EVERY_MS = 250;
const PRUNE_EVERY_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'internal', message: (error as Error).message ?? String(error), issues: [] };
}

/** The one mechanism behind DutyRouter: requests in the store, woken by the relay's notices. */
export class DutyRequests implements DutyRouter {
  private readonly handlers = new Map<DutyKind, DutyHandler<DutyKind>>();
  private readonly waiters = new Map<number, () => void>();
  private readonly running = new Map<number, AbortController>();
  private readonly executions = new Set<Promise<void>>();
  private claiming: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastPrune = 0;
  private readonly claimMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: DutyRequestsOptions) {
    this.claimMs = options.claimMs ?? 5_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  serve<K extends DutyKind>(kind: K, handler: DutyHandler<K>): void {
    this.handlers.set(kind, handler as unknown as DutyHandler<DutyKind>);
  }

  async run<K extends DutyKind>(
    kind: K,
    group: number,
    input: DutyInput<K>,
    call: DutyCall<K> = {},
  ): Promise<DutyOutput<K>> {
    const { store } = this.options;
    if (store === null || this.options.leads(group)) {
      const handler = this.handlerOf(kind);
      return handler(input, {
        progress: (value) => call.onProgress?.(value),
        signal: call.signal ?? new AbortController().signal,
      });
    }
    return this.ask(store, kind, group, input, call);
  }

  async leaderless(groups: number[]): Promise<number[]> {
    return this.options.store ? this.options.store.leaderless(groups) : [];
  }

  noLeader(group: number): Promise<ApiFailure> {
    return this.unavailable('cluster.duty.noLeader', group);
  }

  /** Takes up the requests of the groups led here as they come, and on a timer (a lost notice). */
  start(): void {
    if (this.options.store === null) return;
    this.timer = setInterval(() => void this.sweep(), this.pollMs);
  }

  /** Stops taking requests; what runs here is cancelled and answered. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.claiming;
    for (const controller of this.running.values()) controller.abort();
    await Promise.all(this.executions);
    await this.options.store?.close();
  }

  /** A notice from another instance (through the event relay). */
  notice(kind: 'duty.requested' | 'duty.updated', ids: number[]): void {
    if (kind === 'duty.requested') {
      this.claim(ids);
      return;
    }
    for (const id of ids) this.waiters.get(id)?.();
    if (ids.some((id) => this.running.has(id))) void this.checkCancels();
  }

  private handlerOf<K extends DutyKind>(kind: K): DutyHandler<K> {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler for duty ${kind}`);
    return handler as unknown as DutyHandler<K>;
  }

  // ── the asking side ──

  private async ask<K extends DutyKind>(
    store: DutyStore,
    kind: K,
    group: number,
    input: DutyInput<K>,
    call: DutyCall<K>,
  ): Promise<DutyOutput<K>> {
    const spec = dutyKinds[kind];
    const id = await store.ask(kind, group, JSON.stringify(spec.input.parse(input)));
    if (id === null) throw await this.noLeader(group);
    const { log } = this.options;
    void store
      .notify('duty.requested', [id])
      .catch((error: Error) => log(`duties: not announced: ${error.message}`));
    const cancel = () =>
      void store
        .cancel(id)
        .then(() => store.notify('duty.updated', [id]))
        .catch((error: Error) => log(`duties: cancel of request ${id} not stored: ${error.message}`));
    call.signal?.addEventListener('abort', cancel, { once: true });
    const askedAt = performance.now();
    let seen = 'null';
    try {
      for (;;) {
        const row = await store.read(id);
        if (row?.state === 'done') return spec.output.parse(row.result) as DutyOutput<K>;
        if (row?.state === 'failed') throw new ApiFailure(ApiError.parse(row.error));
        const waited = performance.now() - askedAt;
        if (row?.state === 'pending' && waited > this.claimMs && (await store.expire(id)))
          throw await this.unavailable('cluster.duty.noAnswer', group, this.claimMs);
        if (row?.state === 'running') {
          if (!row.claimerLeads) throw await this.unavailable('cluster.duty.leaderLost', group);
          const progress = JSON.stringify(row.progress);
          if (progress !== seen && row.progress !== null)
            call.onProgress?.(spec.progress.parse(row.progress) as DutyProgress<K>);
          seen = progress;
        }
        if (!row) throw await this.unavailable('cluster.duty.leaderLost', group);
        if (call.timeoutMs !== undefined && waited > call.timeoutMs) {
          cancel();
          throw await this.unavailable('cluster.duty.noAnswer', group, call.timeoutMs);
        }
        await this.woken(id);
      }
    } finally {
      call.signal?.removeEventListener('abort', cancel);
      this.waiters.delete(id);
    }
  }

  /** Resolves at the request's next notice, or after the poll interval. */
  private woken(id: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, this.pollMs);
      this.waiters.set(id, () => {
        clearTimeout(timer);
        done();
      });
    });
  }

  private async unavailable(
    key: 'cluster.duty.noLeader' | 'cluster.duty.noAnswer' | 'cluster.duty.leaderLost',
    group: number,
    waitedMs = 0,
  ): Promise<ApiFailure> {
    const language = this.options.language();
    const stored = await this.options.store?.groupName(group).catch(() => null);
    const name = stored
      ? stored
      : stored === ''
        ? translate(language, 'cluster.defaultGroup')
        : String(group);
    const message = translate(language, key, { group: name, seconds: Math.round(waitedMs / 1_000) });
    return new ApiFailure({ code: 'unavailable', message, issues: [] });
  }

  // ── the leading side ──

  private async sweep(): Promise<void> {
    this.claim(null);
    await this.checkCancels();
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.options.store?.prune().catch(() => undefined);
    }
  }

  /** Claims what is pending for the groups led here (these ids only, on a notice); one claim at a time. */
  private claim(ids: number[] | null): void {
    const { store, log } = this.options;
    if (!store) return;
    this.claiming = this.claiming.then(async () => {
      try {
        const groups = this.options.ledGroups();
        for (const row of await store.claim(groups, [...this.handlers.keys()], ids, this.claimMs)) {
          const execution = this.execute(store, row).finally(() => this.executions.delete(execution));
          this.executions.add(execution);
        }
      } catch (error) {
        log(`duties: requests not claimed: ${(error as Error).message}`);
      }
    });
  }

  private async checkCancels(): Promise<void> {
    const ids = [...this.running.keys()];
    if (ids.length === 0 || !this.options.store) return;
    try {
      for (const id of await this.options.store.cancelled(ids)) this.running.get(id)?.abort();
    } catch (error) {
      this.options.log(`duties: cancels not read: ${(error as Error).message}`);
    }
  }

  private async execute(store: DutyStore, row: ClaimedDuty): Promise<void> {
    const controller = new AbortController();
    this.running.set(row.id, controller);
    let reporting: Promise<void> = Promise.resolve();
    let latest: unknown = null;
    let scheduled = false;
    // At most one write per PROGRESS_EVERY_MS, carrying the newest progress.
    const progress = (value: unknown) => {
      latest = value;
      if (scheduled) return;
      scheduled = true;
      reporting = reporting
        .then(() => sleep(PROGRESS_EVERY_MS))
        .then(async () => {
          scheduled = false;
          await store.report(row.id, latest);
          await store.notify('duty.updated', [row.id]);
        })
        .catch((error: Error) => this.options.log(`duties: progress not stored: ${error.message}`));
    };
    try {
      if (!isDutyKind(row.kind)) throw new Error(`unknown duty ${row.kind}`);
      const spec = dutyKinds[row.kind];
      const result = await this.handlerOf(row.kind)(spec.input.parse(row.input), {
        progress,
        signal: controller.signal,
      });
      await reporting;
      await store.finish(row.id, { result: spec.output.parse(result) });
    } catch (error) {
      await reporting;
      await store.finish(row.id, { error: apiErrorOf(error) }).catch(() => undefined);
    } finally {
      this.running.delete(row.id);
      await store.notify('duty.updated', [row.id]).catch(() => undefined);
    }
  }
}
