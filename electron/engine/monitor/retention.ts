import type { Repository } from '../store/repository';

export interface RetentionResult {
  samples: number;
  rollups: number;
}

export interface RetentionRule {
  samplesMs: number;
  rollupsMs: number;
  everyMs: number;
}

const FIRST_PASS_AFTER_MS = 60_000;

/**
 * Deletes raw samples and rollups past their retention, on a timer of its own so a
 * long delete never delays a monitoring cycle. Runs never overlap. The rule is read at every run,
 * so a retention changed in Settings applies at the next pass.
 */
export class RetentionJob {
  private timer: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<RetentionResult> | null = null;

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
    const samples = await this.repo.ping.deleteSamplesBefore(now - rule.samplesMs);
    const rollups = await this.repo.ping.deleteRollupsBefore(now - rule.rollupsMs);
    return { samples, rollups };
  }
}
