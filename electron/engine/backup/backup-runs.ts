import type { BackupRunProgress } from '../../../shared/contract/backup';
import type { BackupPartProgress } from '../../../shared/contract/duty-requests';
import { failedPart, runProgress } from '../../../shared/domain/backup/run-parts';
import type { DutyRouter } from '../cluster/duty-requests';
import type { Repository } from '../store/repository';
import type { BackupService } from './backup-service';

interface RunPart {
  deviceIds: number[];
  progress: BackupPartProgress;
  controller: AbortController;
  settled: boolean;
}

interface OperatorRun {
  runId: number;
  startedAt: number;
  finishedAt: number | null;
  cancelled: boolean;
  parts: RunPart[];
}

export interface BackupRunsDeps {
  repo: Repository;
  service: BackupService;
  duties: DutyRouter;
  /** A device's poller group. */
  groupOf(deviceId: number): number;
  log(message: string): void;
  now?: () => number;
}

/**
 * The runs an operator starts ("back up all", "back up now"), whichever instance they use: the
 * devices go by poller group to each group's leader (this instance for the groups it leads, and on
 * SQLite for all), and the progress bar and cancel cover every part. Scheduled runs stay the
 * service's own, each instance backing up the groups it leads.
 */
export class BackupRuns {
  private current: OperatorRun | null = null;
  private nextRunId = 1;
  private readonly now: () => number;

  constructor(private readonly deps: BackupRunsDeps) {
    this.now = deps.now ?? Date.now;
    deps.duties.serve('backup.run', ({ deviceIds }, { progress, signal }) =>
      deps.service.runPart(deviceIds, progress, signal),
    );
  }

  /**
   * Starts backing these devices up (every enabled target when null) and returns once each group's
   * leader has taken its part up. Asked during a run, the devices not yet in it join it. Nothing
   * starts when a group of the devices has no leader now: the error names it.
   */
  async start(deviceIds: number[] | null): Promise<BackupRunProgress> {
    const targets = await this.deps.repo.backup.targets();
    const running = this.current?.finishedAt === null ? this.current : null;
    const inRun = new Set(running?.parts.flatMap((part) => part.deviceIds));
    const byGroup = new Map<number, number[]>();
    for (const target of targets) {
      const wanted = deviceIds ? deviceIds.includes(target.deviceId) : target.enabled;
      if (!wanted || inRun.has(target.deviceId)) continue;
      const group = this.deps.groupOf(target.deviceId);
      byGroup.set(group, [...(byGroup.get(group) ?? []), target.deviceId]);
    }
    const [missing] = await this.deps.duties.leaderless([...byGroup.keys()]);
    if (missing !== undefined) throw await this.deps.duties.noLeader(missing);
    const run: OperatorRun =
      running?.finishedAt === null
        ? running
        : {
            runId: this.nextRunId++,
            startedAt: this.now(),
            finishedAt: null,
            cancelled: false,
            parts: [],
          };
    this.current = run;
    await Promise.all([...byGroup].map(([group, ids]) => this.startPart(run, group, ids)));
    this.settleWhenDone(run);
    return this.progress()!;
  }

  /** The operator's run while it goes on and after; a scheduled run begun since, when there is one. */
  progress(): BackupRunProgress | null {
    const run = this.current;
    const scheduled = this.deps.service.progress();
    if (!run || (run.finishedAt !== null && scheduled && scheduled.startedAt > run.finishedAt))
      return scheduled;
    return runProgress(
      run,
      run.parts.map((part) => part.progress),
    );
  }

  /** Cancels what the progress bar shows: the operator's run on every instance, else the scheduled one. */
  async cancel(): Promise<BackupRunProgress | null> {
    const run = this.current;
    if (run && run.finishedAt === null) {
      run.cancelled = true;
      for (const part of run.parts) part.controller.abort();
    } else await this.deps.service.cancel();
    return this.progress();
  }

  /** Whether the device is being backed up here, or waits for it in a part another leader runs. */
  isRunning(deviceId: number): boolean {
    if (this.deps.service.isRunning(deviceId)) return true;
    const run = this.current;
    return run !== null && run.parts.some((part) => !part.settled && part.deviceIds.includes(deviceId));
  }

  /** Resolves once the part's leader has taken it up (its first progress) or it ended. */
  private startPart(run: OperatorRun, group: number, deviceIds: number[]): Promise<void> {
    const part: RunPart = {
      deviceIds,
      progress: {
        total: deviceIds.length,
        done: 0,
        failed: 0,
        changed: 0,
        cancelled: false,
        finished: false,
      },
      controller: new AbortController(),
      settled: false,
    };
    run.parts.push(part);
    return new Promise((taken) => {
      void this.deps.duties
        .run(
          'backup.run',
          group,
          { deviceIds },
          {
            signal: part.controller.signal,
            onProgress: (progress) => {
              part.progress = progress;
              taken();
            },
          },
        )
        .then(
          (progress) => (part.progress = progress),
          (error: Error) => {
            this.deps.log(`backup: the part of poller group ${group} failed: ${error.message}`);
            part.progress = failedPart(part.progress);
          },
        )
        .finally(() => {
          part.settled = true;
          taken();
          this.settleWhenDone(run);
        });
    });
  }

  private settleWhenDone(run: OperatorRun): void {
    if (run.finishedAt === null && run.parts.every((part) => part.settled)) run.finishedAt = this.now();
  }
}
