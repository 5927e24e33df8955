import type { Repository } from '../store/repository';
import type { BackupService } from './backup-service';
import { firedBetween, scheduleOf } from './schedule';

const TICK_MS = 30_000;
const CLEANUP_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Starts each device's backup when its schedule fires (its own cron, its tower's, or the default),
 * and cleans old versions up as a job of its own, hourly, apart from the backups.
 */
export class BackupScheduler {
  private tick: NodeJS.Timeout | null = null;
  private cleanup: NodeJS.Timeout | null = null;
  private checkedUpTo: number;

  constructor(
    private readonly repo: Repository,
    private readonly service: BackupService,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.checkedUpTo = now();
  }

  start(): void {
    this.tick = setInterval(
      () => void this.due().catch((error: Error) => this.log(`backup schedule: ${error.message}`)),
      TICK_MS,
    );
    this.cleanup = setInterval(
      () => void this.clean().catch((error: Error) => this.log(`backup cleanup: ${error.message}`)),
      CLEANUP_EVERY_MS,
    );
  }

  stop(): void {
    if (this.tick) clearInterval(this.tick);
    if (this.cleanup) clearInterval(this.cleanup);
  }

  /** Starts the devices whose schedule fired since the last check; returns their ids. */
  async due(): Promise<number[]> {
    const from = this.checkedUpTo;
    const to = this.now();
    this.checkedUpTo = to;
    const targets = (await this.repo.backup.targets()).filter((target) => target.enabled);
    // Every 30 s: with no backups set up, 100,000 devices are not read for nothing.
    if (targets.length === 0) return [];
    const [settings, devices] = await Promise.all([this.service.settings(), this.repo.devices.list()]);
    const towerOf = new Map(devices.map((device) => [device.id, device.towerId]));
    const due = targets
      .filter((target) =>
        firedBetween(scheduleOf(target.schedule, towerOf.get(target.deviceId) ?? null, settings), from, to),
      )
      .map((target) => target.deviceId);
    if (due.length > 0) await this.service.start(due);
    return due;
  }

  /** Retention: versions past the count or age to keep go; each device's newest stays. */
  async clean(): Promise<number> {
    const { retention } = await this.service.settings();
    const removed = await this.repo.backup.prune(
      retention.keepVersions,
      this.now() - retention.keepDays * DAY_MS,
    );
    if (removed > 0) this.log(`backup cleanup: ${removed} old versions removed`);
    return removed;
  }
}
