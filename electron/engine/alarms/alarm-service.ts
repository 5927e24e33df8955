import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Alarm, AlarmParams, AlarmSource } from '../../../shared/contract/entities';
import { alarmKey } from '../../../shared/domain/alarms/identity';
import type { EventBus } from '../event-bus';
import type { AlarmPatch, NewAlarm, Repository } from '../store/repository';
import { TurnBudget } from '../store/turn-budget';
import { answeringStore, WriteBehind } from '../store/write-behind';
import { IdReserve } from './id-reserve';
import type {
  AlarmBatch,
  AlarmChanges,
  AlarmIdentity,
  AlarmPort,
  DesiredAlarm,
  ReconcileOptions,
} from './port';

export interface AlarmServiceOptions {
  repo: Repository;
  bus: EventBus;
  now?: () => number;
  /**
   * Alarms written per transaction. Between two, the event loop runs, so API calls are answered
   * while ten thousand alarms are raised or cleared.
   */
  chunkSize?: number;
  /** How long a decision waits for its write before going on from memory (default 1 s). */
  stallMs?: number;
  /** Alarm ids kept in hand for a store that stalls (default 10,000). */
  reservedIds?: number;
  log?: (message: string) => void;
}

const DEFAULT_CHUNK = 500;

const keyOf = (alarm: Pick<DesiredAlarm, 'source' | 'type' | 'subject'>): string =>
  alarmKey({ source: alarm.source, type: alarm.type, ...alarm.subject });

function sameParams(a: AlarmParams, b: AlarmParams): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

const differs = (open: Alarm, desired: DesiredAlarm): boolean =>
  open.severity !== desired.severity ||
  open.affected !== (desired.affected ?? 1) ||
  !sameParams(open.params, desired.params);

/** The open alarm as it is once `desired`'s facts are in it. */
const updatedTo = (open: Alarm, desired: DesiredAlarm): Alarm => ({
  ...open,
  severity: desired.severity,
  affected: desired.affected ?? 1,
  params: { ...desired.params },
});

const patchOf = ({ id, severity, affected, params }: Alarm): AlarmPatch => ({
  id,
  severity,
  affected,
  params,
});

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * The one place alarms are raised, updated, cleared and acknowledged, for every source. It keeps
 * the open alarms in memory (loaded once) and decides from them; writes each change in batches —
 * multi-row statements, transactions of at most `chunkSize` alarms, the event loop free between
 * them — and publishes one event per change. Calls run one after another, so two sources never
 * race on one alarm.
 *
 * The store answering is not a condition for monitoring: a write that has not landed within
 * `stallMs` while the store stalls (the shared PostgreSQL frozen, the disk full) stays queued, in
 * order and never dropped, while the change is published at once with an id reserved beforehand,
 * so desktop and Telegram alerts go out during the stall and the store catches up when it answers
 * again. A store that is only busy (a long queue, each write landing) is waited for: a change
 * published before it is durable would be re-decided under another id after a kill -9.
 */
export class AlarmService implements AlarmPort {
  private readonly open = new Map<AlarmSource, Map<string, Alarm>>();
  private readonly repo: Repository;
  private readonly bus: EventBus;
  private readonly now: () => number;
  private readonly chunkSize: number;
  private readonly log: (message: string) => void;
  private readonly writes: WriteBehind;
  private readonly ids: IdReserve;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(options: AlarmServiceOptions) {
    this.repo = options.repo;
    this.bus = options.bus;
    this.now = options.now ?? Date.now;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    this.log = options.log ?? ((message) => console.error(message));
    this.writes = new WriteBehind({
      ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
      answering: answeringStore(options.repo, options.stallMs),
      onError: (error) => this.log(`alarms: a write is kept for a retry: ${(error as Error).message}`),
    });
    this.ids = new IdReserve(
      (count) => this.repo.alarms.reserveIds(count),
      (error) => this.log(`alarms: reserving ids failed: ${(error as Error).message}`),
      options.reservedIds,
    );
  }

  /** Loads the open alarms the store holds (raised before a restart, or by another workstation). */
  static async load(options: AlarmServiceOptions): Promise<AlarmService> {
    const service = new AlarmService(options);
    for (const alarm of await options.repo.alarms.open()) service.remember(alarm);
    await service.ids.fill();
    return service;
  }

  /**
   * Takes up the open alarms as the store holds them now: another instance on the shared
   * PostgreSQL raised and cleared them while this one followed (a new poller term starts here).
   */
  resync(): Promise<void> {
    return this.serial(async () => {
      await this.writes.drained();
      const open = await this.repo.alarms.open();
      this.open.clear();
      for (const alarm of open) this.remember(alarm);
    });
  }

  /** Alarm writes the store has not taken yet (the engine's health shows them). */
  backlog(): number {
    return this.writes.backlog();
  }

  async raise(alarm: DesiredAlarm, at = this.now()): Promise<void> {
    await this.applyMany({ raise: [alarm], clear: [] }, at);
  }

  async clear(identity: AlarmIdentity, at = this.now()): Promise<void> {
    await this.applyMany({ raise: [], clear: [identity] }, at);
  }

  applyMany(batch: AlarmBatch, at = this.now()): Promise<AlarmChanges> {
    return this.serial(async () => {
      const plan: WritePlan = { raise: [], update: [], clear: [] };
      // The last word on one identity wins, as it would have had the calls come one by one.
      const raises = new Map(batch.raise.map((alarm) => [keyOf(alarm), alarm]));
      for (const [key, alarm] of raises) {
        const open = this.bySource(alarm.source).get(key);
        if (!open) plan.raise.push(alarm);
        else if (differs(open, alarm)) plan.update.push(updatedTo(open, alarm));
      }
      const clears = new Map(batch.clear.map((identity) => [keyOf(identity), identity]));
      for (const [key, identity] of clears) {
        const open = this.bySource(identity.source).get(key);
        if (open && !raises.has(key)) plan.clear.push(open);
      }
      return this.write(plan, at);
    });
  }

  reconcile(
    source: AlarmSource,
    desired: readonly DesiredAlarm[],
    at: number,
    options: ReconcileOptions = {},
  ): Promise<AlarmChanges> {
    return this.serial(async () => {
      const open = this.bySource(source);
      const frozen = options.frozen ?? (() => false);
      const inScope = options.scope ?? (() => true);
      const plan: WritePlan = { raise: [], update: [], clear: [] };
      const wanted = new Set<string>();
      // A whole network down or back is 10,000 alarms to compare: calls get turns meanwhile.
      const budget = new TurnBudget();
      for (const alarm of desired) {
        if (budget.due()) await budget.turn();
        const key = keyOf({ ...alarm, source });
        wanted.add(key);
        const existing = open.get(key);
        if (!existing) plan.raise.push({ ...alarm, source });
        else if (!frozen(existing) && differs(existing, alarm)) plan.update.push(updatedTo(existing, alarm));
      }
      for (const [key, alarm] of open) {
        if (budget.due()) await budget.turn();
        if (!wanted.has(key) && inScope(alarm) && !frozen(alarm)) plan.clear.push(alarm);
      }
      return this.write(plan, at);
    });
  }

  openAlarms(source: AlarmSource): readonly Alarm[] {
    return [...this.bySource(source).values()];
  }

  /** Every open alarm, of every source. */
  allOpen(): Alarm[] {
    return [...this.open.values()].flatMap((alarms) => [...alarms.values()]);
  }

  /**
   * An operator saw these alarms (with a note); audited. Returns the ones that were active. It
   * waits for the store (the operator is told if it fails) but never holds up the sources' calls.
   */
  async acknowledge(ids: number[], by: string, note: string): Promise<Alarm[]> {
    const at = this.now();
    const alarms = await this.repo.alarms.acknowledge(ids, by, note, at);
    await this.repo.audit.add({
      at,
      actor: by,
      action: 'alarm.acknowledge',
      target: `alarms:${alarms.map((alarm) => alarm.id).join(',')}`,
      details: note,
    });
    for (const alarm of alarms) {
      if (this.isOpen(alarm)) this.remember(alarm);
      this.bus.publish({ type: 'alarm.updated', alarm });
    }
    return alarms;
  }

  /**
   * An operator closes these alarms by hand, saying why; audited. Returns the ones that were
   * open. A condition that still holds raises a new alarm at its source's next check.
   */
  async clearByOperator(ids: number[], by: string, reason: string): Promise<Alarm[]> {
    const at = this.now();
    const cleared = await this.repo.alarms.clearMany(ids, at, by);
    await this.repo.audit.add({
      at,
      actor: by,
      action: 'alarm.clear',
      target: `alarms:${cleared.map((alarm) => alarm.id).join(',')}`,
      details: reason,
    });
    for (const alarm of cleared) {
      if (this.isOpen(alarm)) this.bySource(alarm.source).delete(alarmKey(alarm));
      this.bus.publish({ type: 'alarm.cleared', alarm });
    }
    return cleared;
  }

  /** Resolves once every call made so far has been decided and written (tests, shutdown). */
  idle(): Promise<void> {
    return this.serial(() => this.writes.drained());
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private bySource(source: AlarmSource): Map<string, Alarm> {
    let alarms = this.open.get(source);
    if (!alarms) this.open.set(source, (alarms = new Map()));
    return alarms;
  }

  private remember(alarm: Alarm): void {
    this.bySource(alarm.source).set(alarmKey(alarm), alarm);
  }

  /** Whether memory holds this very alarm (same id) open; a late write must not revive another. */
  private isOpen(alarm: Alarm): boolean {
    return this.bySource(alarm.source).get(alarmKey(alarm))?.id === alarm.id;
  }

  /**
   * Raises, then updates, then clears, `chunkSize` alarms per transaction. An alarm the store
   * already holds open (another workstation raised it) is adopted and compared like any other.
   * A chunk whose write has not landed in time is published from memory (see the class comment).
   */
  private async write(plan: WritePlan, at: number): Promise<AlarmChanges> {
    const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
    const adopted: Alarm[] = [];
    for (const chunk of chunks(plan.raise, this.chunkSize)) {
      const ids = await this.ids.take(chunk.length);
      const rows = chunk.map((alarm, i) => newAlarm(alarm, at, ids[i]!));
      const landing = await this.writes.within(() => this.repo.alarms.raiseMany(rows));
      const raised = landing.landed ? landing.value : rows.map(openedFrom);
      for (const alarm of raised) {
        this.remember(alarm);
        this.bus.publish({ type: 'alarm.raised', alarm });
      }
      changes.raised += raised.length;
      if (!landing.landed)
        void landing.later.then((stored) => this.adoptLate(rows, stored), this.lost('raised'));
      else if (raised.length < chunk.length) {
        const got = new Set(raised.map(alarmKey));
        adopted.push(...(await this.adopt(chunk.filter((alarm) => !got.has(keyOf(alarm))))));
      }
      await yieldToEventLoop();
    }
    for (const chunk of chunks([...plan.update, ...adopted], this.chunkSize)) {
      const landing = await this.writes.within(() => this.repo.alarms.updateMany(chunk.map(patchOf)));
      if (!landing.landed) void landing.later.catch(this.lost('updated'));
      for (const alarm of landing.landed ? landing.value : chunk) {
        if (alarm.state !== 'cleared') this.remember(alarm);
        this.bus.publish({ type: 'alarm.updated', alarm });
      }
      changes.updated += landing.landed ? landing.value.length : chunk.length;
      await yieldToEventLoop();
    }
    for (const chunk of chunks(plan.clear, this.chunkSize)) {
      for (const alarm of chunk) this.bySource(alarm.source).delete(alarmKey(alarm));
      const landing = await this.writes.within(() =>
        this.repo.alarms.clearMany(
          chunk.map((alarm) => alarm.id),
          at,
          null,
        ),
      );
      if (!landing.landed) void landing.later.catch(this.lost('cleared'));
      const cleared = landing.landed ? landing.value : chunk.map((alarm) => clearedFrom(alarm, at));
      for (const alarm of cleared) this.bus.publish({ type: 'alarm.cleared', alarm });
      changes.cleared += cleared.length;
      await yieldToEventLoop();
    }
    return changes;
  }

  /** The store's open alarms for these keys, taken into memory, as `desired` wants them. */
  private async adopt(desired: DesiredAlarm[]): Promise<Alarm[]> {
    if (desired.length === 0) return [];
    const wanted = new Map(desired.map((alarm) => [keyOf(alarm), alarm]));
    const updates: Alarm[] = [];
    for (const alarm of await this.repo.alarms.open([...wanted.keys()])) {
      this.remember(alarm);
      const want = wanted.get(alarmKey(alarm));
      if (want && differs(alarm, want)) updates.push(updatedTo(alarm, want));
    }
    return updates;
  }

  /**
   * A raise that landed after the stall found some subjects already open (another workstation,
   * cut off from us by the same stall, opened them): the store's alarm is the one kept.
   */
  private async adoptLate(rows: NewAlarm[], stored: Alarm[]): Promise<void> {
    if (stored.length === rows.length) return;
    const got = new Set(stored.map((alarm) => alarm.id));
    const ours = new Map(rows.filter((row) => !got.has(row.id!)).map((row) => [alarmKey(row), row.id]));
    for (const alarm of await this.repo.alarms.open([...ours.keys()])) {
      const key = alarmKey(alarm);
      if (this.bySource(alarm.source).get(key)?.id !== ours.get(key)) continue;
      this.remember(alarm);
      this.bus.publish({ type: 'alarm.updated', alarm });
    }
  }

  private lost(what: string): (error: unknown) => void {
    return (error) =>
      this.log(`alarms: the store refused alarms ${what} while it stalled: ${(error as Error).message}`);
  }
}

interface WritePlan {
  raise: DesiredAlarm[];
  /** Open alarms with the facts they are to have. */
  update: Alarm[];
  clear: Alarm[];
}

const newAlarm = (alarm: DesiredAlarm, at: number, id: number): NewAlarm => ({
  id,
  source: alarm.source,
  type: alarm.type,
  ...alarm.subject,
  severity: alarm.severity,
  params: { ...alarm.params },
  affected: alarm.affected ?? 1,
  raisedAt: at,
});

/** The alarm a raise opens, as the store will hold it once the write lands. */
const openedFrom = ({ id, raisedAt, ...alarm }: NewAlarm): Alarm => ({
  ...alarm,
  id: id!,
  state: 'active',
  raisedAt,
  acknowledgedAt: null,
  acknowledgedBy: null,
  clearedAt: null,
  clearedBy: null,
  note: null,
});

const clearedFrom = (alarm: Alarm, at: number): Alarm => ({
  ...alarm,
  state: 'cleared',
  clearedAt: at,
  clearedBy: null,
});
