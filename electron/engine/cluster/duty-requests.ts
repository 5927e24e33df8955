import type { ApiFailure } from '../../../shared/contract/api-failure';
import type { DutyInput, DutyKind, DutyOutput } from '../../../shared/contract/duty-requests';
import type { Language } from '../../../shared/i18n';
import { DutyAsker, type DutyCall } from './duty-asker';
import { DutyLeader, type DutyHandler } from './duty-leader';
import type { DutyStore } from './duty-store';

export type { DutyCall, DutyHandler };

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

/**
 * The one mechanism behind DutyRouter: a request row in the store (duty-store.ts), written by the
 * asking instance (duty-asker.ts) and claimed, run and answered by the group's leader
 * (duty-leader.ts), each woken by the other's notices through the event relay.
 */
export class DutyRequests implements DutyRouter {
  private readonly handlers = new Map<DutyKind, DutyHandler<DutyKind>>();
  private readonly asker: DutyAsker;
  private readonly leader: DutyLeader | null;

  constructor(private readonly options: DutyRequestsOptions) {
    const timing = { claimMs: options.claimMs ?? 5_000, pollMs: options.pollMs ?? 1_000 };
    const { store, language, log, ledGroups } = options;
    this.asker = new DutyAsker(store, { language, log, ...timing });
    this.leader = store && new DutyLeader(store, this.handlers, { ledGroups, log, ...timing });
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
    if (this.leader && !this.options.leads(group)) return this.asker.ask(kind, group, input, call);
    const handler = this.handlers.get(kind) as DutyHandler<K> | undefined;
    if (!handler) throw new Error(`no handler for duty ${kind}`);
    return handler(input, {
      progress: (value) => call.onProgress?.(value),
      signal: call.signal ?? new AbortController().signal,
    });
  }

  async leaderless(groups: number[]): Promise<number[]> {
    return this.options.store ? this.options.store.leaderless(groups) : [];
  }

  noLeader(group: number): Promise<ApiFailure> {
    return this.asker.unavailable('cluster.duty.noLeader', group);
  }

  /** Takes up the requests of the groups led here as they come, and on a timer (a lost notice). */
  start(): void {
    this.leader?.start();
  }

  /** Stops taking requests (what runs here is cancelled and answered) and closes the store. */
  async stop(): Promise<void> {
    await this.leader?.stop();
    await this.options.store?.close();
  }

  /** A notice from another instance (through the event relay). */
  notice(kind: 'duty.requested' | 'duty.updated', ids: number[]): void {
    if (kind === 'duty.requested') this.leader?.claim(ids);
    else {
      this.asker.updated(ids);
      this.leader?.updated(ids);
    }
  }
}
