import type { ProbeOutcome } from '../../../shared/contract/synthetic-worker';
import type {
  SyntheticCheck,
  SyntheticCheckInput,
  SyntheticResult,
} from '../../../shared/contract/synthetic';
import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import {
  checkRef,
  dueChecks,
  syntheticAlarms,
  syntheticAlarmType,
} from '../../../shared/domain/synthetic/alarms';
import type { AlarmPort } from '../alarms/port';
import type { SyntheticRunner } from '../collectors/synthetic-port';
import type { Repository, StoredSyntheticCheck } from '../store/repository';

export type { SyntheticRunner };

/** How often the schedule is looked at; each check still runs at its own interval. */
const TICK_MS = 10_000;
/** Results are kept this long (charts reach 30 days; daily aggregates are the reports' job). */
export const RESULT_RETENTION_MS = 90 * 86_400_000;
const RETENTION_EVERY_MS = 3_600_000;
/** Results read back at start to know each check's streak of failures. */
const STREAK_LOOKBACK = 50;

export interface SyntheticServiceOptions {
  repo: Repository;
  runner: SyntheticRunner;
  alarms: AlarmPort;
  now?: () => number;
  log?: (message: string) => void;
  /** Called after each round with its results and how long the round and its store write took (for /metrics). */
  onRound?: (round: { results: SyntheticResult[]; seconds: number; storeSeconds: number }) => void;
  /** Called whenever the checks or their last results changed (the uplink signal follows it). */
  onChecks?: (checks: SyntheticCheck[]) => void;
  /**
   * Whether this instance runs the checks of a poller group: on a shared PostgreSQL its leader
   * alone does, and the others read its results from the store (absent: one instance, runs all).
   */
  leads?(group: number): boolean;
}

interface Tracked {
  stored: StoredSyntheticCheck;
  last: SyntheticResult | null;
  failStreak: number;
}

export const resultOf = (outcome: ProbeOutcome): SyntheticResult => ({
  checkId: outcome.id,
  at: outcome.at,
  ok: outcome.ok,
  ...outcome.timings,
  status: outcome.status,
  error: outcome.error,
  detail: outcome.detail,
});

/**
 * Runs every synthetic check at its interval, stores each result, keeps each check's streak of
 * failures and makes the open synthetic alarms match them. A round never overlaps the previous
 * one; a check created, changed or run by hand is looked at on the next tick.
 */
export class SyntheticService {
  private readonly checks = new Map<number, Tracked>();
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private lastRetention = 0;

  constructor(private readonly options: SyntheticServiceOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    for (const stored of await this.options.repo.synthetic.checks())
      this.checks.set(stored.id, { stored, ...(await this.storedStreak(stored.id)) });
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  list(): SyntheticCheck[] {
    return [...this.checks.values()]
      .map(({ stored, last, failStreak }) => ({ ...stored, last, failStreak }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: number): SyntheticCheck | null {
    return this.list().find((check) => check.id === id) ?? null;
  }

  async create(input: SyntheticCheckInput): Promise<SyntheticCheck> {
    const stored = await this.options.repo.synthetic.createCheck(input);
    this.checks.set(stored.id, { stored, last: null, failStreak: 0 });
    void this.tick();
    return this.get(stored.id)!;
  }

  /** A changed check starts a new streak: the old failures said nothing about the new target. */
  async update(id: number, input: SyntheticCheckInput): Promise<SyntheticCheck> {
    const stored = await this.options.repo.synthetic.updateCheck(id, input);
    const tracked = this.checks.get(id);
    this.checks.set(id, { stored, last: tracked?.last ?? null, failStreak: 0 });
    await this.reconcileAlarms();
    return this.get(id)!;
  }

  async delete(id: number): Promise<void> {
    await this.options.repo.synthetic.deleteCheck(id);
    this.checks.delete(id);
    await this.reconcileAlarms();
  }

  /** Runs one check now, outside its schedule; its result counts like any other. */
  async runNow(id: number): Promise<SyntheticResult | null> {
    const tracked = this.checks.get(id);
    if (!tracked) return null;
    const [result] = await this.runChecks([tracked.stored]);
    return result ?? null;
  }

  /**
   * Runs what is due of the checks led here and reads the others' newest results from the store
   * (another instance runs them); returns when the round is stored and the alarms match it.
   */
  tick(): Promise<void> {
    if (this.round) return this.round;
    const led = this.list().filter((check) => this.runsHere(check));
    const due = dueChecks(led, this.now()).map((check) => this.checks.get(check.id)!.stored);
    this.round = this.runRound(due).finally(() => (this.round = null));
    return this.round;
  }

  private runsHere(check: Pick<SyntheticCheck, 'groupId'>): boolean {
    return this.options.leads?.(check.groupId) ?? true;
  }

  /** A check's newest result and its streak of failures as the store holds them. */
  private async storedStreak(id: number): Promise<Pick<Tracked, 'last' | 'failStreak'>> {
    const recent = await this.options.repo.synthetic.recent(id, STREAK_LOOKBACK);
    const streak = recent.findIndex((result) => result.ok);
    return { last: recent[0] ?? null, failStreak: streak === -1 ? recent.length : streak };
  }

  /** A check's newest result and streak as the store holds them (another instance may run it). */
  async followStored(id: number): Promise<void> {
    const tracked = this.checks.get(id);
    if (tracked) Object.assign(tracked, await this.storedStreak(id));
  }

  private async followOthers(): Promise<void> {
    for (const tracked of this.checks.values())
      if (!this.runsHere(tracked.stored)) await this.followStored(tracked.stored.id);
  }

  private async runRound(due: StoredSyntheticCheck[]): Promise<void> {
    try {
      await this.followOthers();
      // A round of checks ends matching the alarms; without one they still follow leadership.
      if (due.length > 0) await this.runChecks(due);
      else await this.reconcileAlarms();
      await this.applyRetention();
    } catch (error) {
      this.log(`synthetic: round failed: ${(error as Error).message}`);
    }
  }

  private async runChecks(checks: StoredSyntheticCheck[]): Promise<SyntheticResult[]> {
    const started = performance.now();
    const outcomes = await this.options.runner.run(
      checks.map((check) => ({ id: check.id, spec: check.spec, timeoutMs: check.timeoutMs })),
    );
    const results = outcomes.map(resultOf);
    for (const result of results) {
      const tracked = this.checks.get(result.checkId);
      if (!tracked) continue; // deleted while its probe ran
      tracked.last = result;
      tracked.failStreak = result.ok ? 0 : tracked.failStreak + 1;
    }
    const writing = performance.now();
    await this.options.repo.synthetic.insertResults(
      results.filter((result) => this.checks.has(result.checkId)),
    );
    const storeSeconds = (performance.now() - writing) / 1000;
    await this.reconcileAlarms();
    this.options.onRound?.({ results, seconds: (performance.now() - started) / 1000, storeSeconds });
    return results;
  }

  /**
   * The alarms of the checks led here match them; another instance's checks are its to decide.
   * An alarm whose check is gone belongs to the default group's leader, which clears it.
   */
  private async reconcileAlarms(): Promise<void> {
    const checks = this.list();
    this.options.onChecks?.(checks);
    const led = checks.filter((check) => this.runsHere(check));
    const ledRefs = new Set(led.map((check) => checkRef(check.id)));
    const knownRefs = new Set(checks.map((check) => checkRef(check.id)));
    const orphansHere = this.runsHere({ groupId: DEFAULT_POLLER_GROUP });
    await this.options.alarms.reconcile('synthetic', syntheticAlarms(led), this.now(), {
      scope: (alarm) =>
        alarm.type === syntheticAlarmType &&
        (ledRefs.has(alarm.ref ?? '') || (orphansHere && !knownRefs.has(alarm.ref ?? ''))),
    });
  }

  private async applyRetention(): Promise<void> {
    const now = this.now();
    if (now - this.lastRetention < RETENTION_EVERY_MS) return;
    this.lastRetention = now;
    await this.options.repo.synthetic.deleteResultsBefore(now - RESULT_RETENTION_MS);
  }
}
