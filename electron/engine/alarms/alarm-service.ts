import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Alarm, AlarmParams, AlarmSource } from '../../../shared/contract/entities';
import { alarmKey } from '../../../shared/domain/alarms/identity';
import type { EventBus } from '../event-bus';
import type { AlarmPatch, NewAlarm, Repository } from '../store/repository';
import type { AlarmChanges, AlarmIdentity, AlarmPort, DesiredAlarm, ReconcileOptions } from './port';

export interface AlarmServiceOptions {
  repo: Repository;
  bus: EventBus;
  now?: () => number;
  /**
   * Alarms written per transaction. Between two, the event loop runs, so API calls are answered
   * while ten thousand alarms are raised or cleared.
   */
  chunkSize?: number;
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

const patchOf = (id: number, desired: DesiredAlarm): AlarmPatch => ({
  id,
  severity: desired.severity,
  affected: desired.affected ?? 1,
  params: { ...desired.params },
});

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * The one place alarms are raised, updated, cleared and acknowledged, for every source. It keeps
 * the open alarms in memory (loaded once), writes each change in batches — multi-row statements,
 * transactions of at most `chunkSize` alarms, the event loop free between them — and publishes
 * one event per change. Calls run one after another, so two sources never race on one alarm.
 */
export class AlarmService implements AlarmPort {
  private readonly open = new Map<AlarmSource, Map<string, Alarm>>();
  private readonly repo: Repository;
  private readonly bus: EventBus;
  private readonly now: () => number;
  private readonly chunkSize: number;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(options: AlarmServiceOptions) {
    this.repo = options.repo;
    this.bus = options.bus;
    this.now = options.now ?? Date.now;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  }

  /** Loads the open alarms the store holds (raised before a restart, or by another workstation). */
  static async load(options: AlarmServiceOptions): Promise<AlarmService> {
    const service = new AlarmService(options);
    for (const alarm of await options.repo.alarms.open()) service.remember(alarm);
    return service;
  }

  raise(alarm: DesiredAlarm, at = this.now()): Promise<void> {
    return this.serial(async () => {
      const open = this.bySource(alarm.source).get(keyOf(alarm));
      if (!open) await this.write({ raise: [alarm], update: [], clear: [] }, at);
      else if (differs(open, alarm))
        await this.write({ raise: [], update: [patchOf(open.id, alarm)], clear: [] }, at);
    });
  }

  clear(identity: AlarmIdentity, at = this.now()): Promise<void> {
    return this.serial(async () => {
      const open = this.bySource(identity.source).get(keyOf(identity));
      if (open) await this.write({ raise: [], update: [], clear: [open] }, at);
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
      for (const alarm of desired) {
        const key = keyOf({ ...alarm, source });
        wanted.add(key);
        const existing = open.get(key);
        if (!existing) plan.raise.push({ ...alarm, source });
        else if (!frozen(existing) && differs(existing, alarm)) plan.update.push(patchOf(existing.id, alarm));
      }
      for (const [key, alarm] of open)
        if (!wanted.has(key) && inScope(alarm) && !frozen(alarm)) plan.clear.push(alarm);
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

  /** An operator saw these alarms (with a note); audited. Returns the ones that were active. */
  acknowledge(ids: number[], by: string, note: string): Promise<Alarm[]> {
    return this.serial(async () => {
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
        this.remember(alarm);
        this.bus.publish({ type: 'alarm.updated', alarm });
      }
      return alarms;
    });
  }

  /**
   * An operator closes these alarms by hand, saying why; audited. Returns the ones that were
   * open. A condition that still holds raises a new alarm at its source's next check.
   */
  clearByOperator(ids: number[], by: string, reason: string): Promise<Alarm[]> {
    return this.serial(async () => {
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
        this.bySource(alarm.source).delete(alarmKey(alarm));
        this.bus.publish({ type: 'alarm.cleared', alarm });
      }
      return cleared;
    });
  }

  /** Resolves once every call made so far has been written (tests, shutdown). */
  idle(): Promise<void> {
    return this.serial(async () => undefined);
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

  /**
   * Raises, then updates, then clears, `chunkSize` alarms per transaction. An alarm the store
   * already holds open (another workstation raised it) is adopted and compared like any other.
   */
  private async write(plan: WritePlan, at: number): Promise<AlarmChanges> {
    const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
    const adopted: AlarmPatch[] = [];
    for (const chunk of chunks(plan.raise, this.chunkSize)) {
      const raised = await this.repo.alarms.raiseMany(chunk.map((alarm) => newAlarm(alarm, at)));
      for (const alarm of raised) {
        this.remember(alarm);
        this.bus.publish({ type: 'alarm.raised', alarm });
      }
      changes.raised += raised.length;
      if (raised.length < chunk.length) {
        const got = new Set(raised.map(alarmKey));
        adopted.push(...(await this.adopt(chunk.filter((alarm) => !got.has(keyOf(alarm))))));
      }
      await yieldToEventLoop();
    }
    const updates = [...plan.update, ...adopted];
    for (const chunk of chunks(updates, this.chunkSize)) {
      const updated = await this.repo.alarms.updateMany(chunk);
      for (const alarm of updated) {
        this.remember(alarm);
        this.bus.publish({ type: 'alarm.updated', alarm });
      }
      changes.updated += updated.length;
      await yieldToEventLoop();
    }
    for (const chunk of chunks(plan.clear, this.chunkSize)) {
      for (const alarm of chunk) this.bySource(alarm.source).delete(alarmKey(alarm));
      const cleared = await this.repo.alarms.clearMany(
        chunk.map((alarm) => alarm.id),
        at,
        null,
      );
      for (const alarm of cleared) this.bus.publish({ type: 'alarm.cleared', alarm });
      changes.cleared += cleared.length;
      await yieldToEventLoop();
    }
    return changes;
  }

  /** Takes the store's open alarms for these keys into memory; returns the updates they need. */
  private async adopt(desired: DesiredAlarm[]): Promise<AlarmPatch[]> {
    if (desired.length === 0) return [];
    const wanted = new Map(desired.map((alarm) => [keyOf(alarm), alarm]));
    const patches: AlarmPatch[] = [];
    for (const alarm of await this.repo.alarms.open([...wanted.keys()])) {
      this.remember(alarm);
      const want = wanted.get(alarmKey(alarm));
      if (want && differs(alarm, want)) patches.push(patchOf(alarm.id, want));
    }
    return patches;
  }
}

interface WritePlan {
  raise: DesiredAlarm[];
  update: AlarmPatch[];
  clear: Alarm[];
}

const newAlarm = (alarm: DesiredAlarm, at: number): NewAlarm => ({
  source: alarm.source,
  type: alarm.type,
  ...alarm.subject,
  severity: alarm.severity,
  params: { ...alarm.params },
  affected: alarm.affected ?? 1,
  raisedAt: at,
});
