import { DAY_MS } from '../store/repo/history';
import type { Repository } from '../store/repository';

export interface RetentionResult {
  samples: number;
  rollups: number;
  /** Daily aggregates written by this pass. */
  days: number;
  daily: number;
  stateChanges: number;
}

export interface RetentionRule {
  samplesMs: number;
  rollupsMs: number;
  /** Daily aggregates and state changes. */
  historyMs: number;
  everyMs: number;
}

const FIRST_PASS_AFTER_MS = 60_000;
/** Days summed at the first pass: those the app may have been closed across. */
const CATCH_UP_DAYS = 7;

/**
 * Sums each finished day's rollups into the daily aggregates, and deletes raw samples, rollups,
 * daily aggregates and state changes past their retention (on PostgreSQL it first makes the
 * coming days' partitions, and expired days go as whole partitions), on a timer of its own so a long
 * delete never delays a monitoring cycle. Runs never overlap. The rule is read at every run,
 * so a retention changed in Settings applies at the next pass.
 */
export class RetentionJob {
  private timer: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<RetentionResult> | null = null;
  /** The start of the last UTC day already summed (null: none since the start). */
  private summedDay: number | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly now: () => number,
    private readonly rule: () => RetentionRule,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * The first pass comes a minute after the start (or sooner, with a shorter period): a workstation
   * restarted more often than the period must still clean up, and the start itself stays light.
   */
  start(): void {
    if (this.timer) return;
    const pass = () => void this.run().catch(this.onError);
    const everyMs = this.rule().everyMs;
    this.first = setTimeout(pass, Math.min(everyMs, FIRST_PASS_AFTER_MS));
    this.timer = setInterval(pass, everyMs);
  }

  async stop(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = null;
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  run(): Promise<RetentionResult> {
    this.running ??= this.deleteExpired().finally(() => (this.running = null));
    return this.running;
  }

  private async deleteExpired(): Promise<RetentionResult> {
    const now = this.now();
    const rule = this.rule();
    await this.repo.ping.preparePartitions(now);
    const samples = await this.repo.ping.deleteSamplesBefore(now - rule.samplesMs);
    const today = now - (now % DAY_MS);
    let days = 0;
    if (this.summedDay !== today - DAY_MS) {
      // The rollups are read before they may expire below.
      days = await this.repo.history.rollUpDays(this.summedDay ?? today - CATCH_UP_DAYS * DAY_MS, today);
      this.summedDay = today - DAY_MS;
    }
    const rollups = await this.repo.ping.deleteRollupsBefore(now - rule.rollupsMs);
    const daily = await this.repo.history.deleteDailyBefore(now - rule.historyMs);
    const stateChanges = await this.repo.history.deleteStateChangesBefore(now - rule.historyMs);
    return { samples, rollups, days, daily, stateChanges };
  }
}
