import { ApiFailure } from '../../../shared/contract/api-failure';
import { ApiError } from '../../../shared/contract/api';
import {
  dutyKinds,
  type DutyInput,
  type DutyKind,
  type DutyOutput,
  type DutyProgress,
} from '../../../shared/contract/duty-requests';
import { translate, type Language } from '../../../shared/i18n';
import type { DutyStore } from './duty-store';

export interface DutyCall<K extends DutyKind> {
  onProgress?(value: DutyProgress<K>): void;
  signal?: AbortSignal;
  /** Past this the asker stops waiting and cancels (absent: as long as the leader holds the group). */
  timeoutMs?: number;
}

export interface DutyAskerOptions {
  language(): Language;
  log(message: string): void;
  /** How long a request waits for its leader to take it up. */
  claimMs: number;
  /** How often the request is read besides its notices. */
  pollMs: number;
}

type Unavailable = 'cluster.duty.noLeader' | 'cluster.duty.noAnswer' | 'cluster.duty.leaderLost';

/**
 * The asking side of a duty request: writes it for the group's leader, follows it at each notice
 * and on a timer, and turns its answer — or the lack of one — into the caller's result or a clear
 * error in the operator's language.
 */
export class DutyAsker {
  private readonly waiters = new Map<number, () => void>();

  constructor(
    private readonly store: DutyStore | null,
    private readonly options: DutyAskerOptions,
  ) {}

  async ask<K extends DutyKind>(
    kind: K,
    group: number,
    input: DutyInput<K>,
    call: DutyCall<K>,
  ): Promise<DutyOutput<K>> {
    const { store } = this;
    if (!store) throw new Error('duty requests need a shared store');
    const spec = dutyKinds[kind];
    const id = await store.ask(kind, group, JSON.stringify(spec.input.parse(input)));
    if (id === null) throw await this.unavailable('cluster.duty.noLeader', group);
    const { log, claimMs } = this.options;
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
        // Given up only while nobody took it: a claim between the read and this update wins.
        if (
          row?.state === 'expired' ||
          (row?.state === 'pending' && waited > claimMs && (await store.expire(id)))
        )
          throw await this.unavailable('cluster.duty.noAnswer', group, claimMs);
        if (!row || (row.state === 'running' && !row.claimerLeads))
          throw await this.unavailable('cluster.duty.leaderLost', group);
        const progress = JSON.stringify(row.progress);
        if (progress !== seen && row.progress !== null)
          call.onProgress?.(spec.progress.parse(row.progress) as DutyProgress<K>);
        seen = progress;
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

  /** Requests of this instance changed on their leader: they are read again at once. */
  updated(ids: number[]): void {
    for (const id of ids) this.waiters.get(id)?.();
  }

  async unavailable(key: Unavailable, group: number, waitedMs = 0): Promise<ApiFailure> {
    const language = this.options.language();
    const stored = await this.store?.groupName(group).catch(() => null);
    const name = stored
      ? stored
      : stored === ''
        ? translate(language, 'cluster.defaultGroup')
        : String(group);
    const message = translate(language, key, { group: name, seconds: Math.round(waitedMs / 1_000) });
    return new ApiFailure({ code: 'unavailable', message, issues: [] });
  }

  /** Resolves at the request's next notice, or after the poll interval. */
  private woken(id: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, this.options.pollMs);
      this.waiters.set(id, () => {
        clearTimeout(timer);
        done();
      });
    });
  }
}
