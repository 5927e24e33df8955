import { BackupError } from './backup-error';
import type { JobControl } from './run-job';
import { StartSpacing } from './start-spacing';

interface Handed {
  deviceId: number;
  start(): void;
  /** Answers a job cancelled before it started. */
  drop(): void;
}

/**
 * The worker's lanes: at most `lanes` jobs run at once, and the jobs handed over beyond that wait
 * here, in order, so that a lane starts its next job the moment one ends instead of waiting for
 * the engine's answer to travel back and a new job to come. `lanes` is the one the engine sent
 * last (the operator may change the parallelism between two runs). Starts are spread by
 * `spacing` (none: as soon as a lane is free).
 */
export class JobLanes<T> {
  private lanes = 1;
  private readonly waiting: Handed[] = [];
  /** Each running job's control, with its device. */
  private readonly running = new Map<JobControl, number>();
  /** The next start, when the spacing holds it back. */
  private startTimer: NodeJS.Timeout | null = null;

  constructor(private readonly spacing: StartSpacing | null = new StartSpacing()) {}

  /** Runs `job` when a lane is free; `notStarted` answers it if it is cancelled before that. */
  run(
    deviceId: number,
    lanes: number,
    job: (control: JobControl) => Promise<T>,
    notStarted: () => T,
  ): Promise<T> {
    this.lanes = lanes;
    return new Promise((resolve, reject) => {
      this.waiting.push({
        deviceId,
        drop: () => resolve(notStarted()),
        start: () => {
          const control: JobControl = { abort: null };
          this.running.set(control, deviceId);
          const startedAt = performance.now();
          // The lane goes to the next job before this one's answer leaves.
          const free = () => {
            this.running.delete(control);
            this.spacing?.ended(performance.now() - startedAt);
            this.startWaiting();
          };
          job(control).then(
            (result) => {
              free();
              resolve(result);
            },
            (error: unknown) => {
              free();
              reject(error as Error);
            },
          );
        },
      });
      this.startWaiting();
    });
  }

  /** Aborts these devices' running jobs and drops their waiting ones; returns how many. */
  cancel(deviceIds: readonly number[]): number {
    const wanted = new Set(deviceIds);
    let cancelled = 0;
    for (const [control, deviceId] of this.running) {
      if (!wanted.has(deviceId) || !control.abort) continue;
      control.abort(new BackupError('cancelled', ''));
      cancelled++;
    }
    for (let index = this.waiting.length - 1; index >= 0; index--) {
      const handed = this.waiting[index]!;
      if (!wanted.has(handed.deviceId)) continue;
      this.waiting.splice(index, 1);
      handed.drop();
      cancelled++;
    }
    return cancelled;
  }

  private startWaiting(): void {
    if (this.startTimer) return;
    while (this.running.size < this.lanes && this.waiting.length > 0) {
      const wait = this.spacing?.wait(performance.now()) ?? 0;
      if (wait > 0) {
        this.startTimer = setTimeout(() => {
          this.startTimer = null;
          this.startWaiting();
        }, wait);
        return;
      }
      this.spacing?.started(performance.now(), this.lanes);
      this.waiting.shift()!.start();
    }
  }
}
