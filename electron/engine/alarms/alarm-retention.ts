import type { Repository } from '../store/repository';

export const DEFAULT_ALARM_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;
const EVERY_MS = 6 * 3_600_000;

export interface AlarmRetentionOptions {
  repo: Repository;
  /** How long cleared alarms are kept, read at each run (the settings may change it). */
  days?: () => number;
  now?: () => number;
  onError(error: unknown): void;
  everyMs?: number;
}

/**
 * Deletes alarms cleared longer ago than the retention (a year by default), at start and then on
 * a timer of its own. Open alarms are never touched. Runs never overlap.
 */
export class AlarmRetention {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;
  private readonly days: () => number;
  private readonly now: () => number;

  constructor(private readonly options: AlarmRetentionOptions) {
    this.days = options.days ?? (() => DEFAULT_ALARM_RETENTION_DAYS);
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    const sweep = () => void this.run().catch(this.options.onError);
    sweep();
    this.timer = setInterval(sweep, this.options.everyMs ?? EVERY_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Deletes what is past retention now; returns how many alarms went. */
  run(): Promise<number> {
    this.running ??= this.options.repo.alarms
      .deleteClearedBefore(this.now() - this.days() * DAY_MS)
      .finally(() => (this.running = null));
    return this.running;
  }
}
