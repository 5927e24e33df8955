import type { DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import { isFenced } from '../store/errors';
import type { Repository } from '../store/repository';
import { DEFAULT_STALL_MS } from '../store/write-behind';

/** Rows kept for a retry while the store is failing; beyond that the oldest samples go first. */
const MAX_PENDING_SAMPLES = 500_000;

/**
 * The cycle's writes (statuses, samples, rollups), sent in batches, one batch on its way at a
 * time. When the store fails (locked, disk full, PostgreSQL gone) or stalls (frozen, no answer),
 * the rows stay here and go out with the next batch, so a passing failure loses nothing, and the
 * cycle never waits on the store longer than `stallMs`. Statuses and rollups are kept latest-per-
 * key; only samples pile up, and past the bound the oldest are dropped (and counted).
 */
export class DurableWrites {
  private statuses = new Map<number, DeviceStatus>();
  private samples: PingSample[] = [];
  private rollups = new Map<string, PingRollup>();
  private inFlight: Promise<void> | null = null;
  private inFlightRows = 0;
  error: string | null = null;
  dropped = 0;

  constructor(
    private readonly repo: Repository,
    private readonly stallMs = DEFAULT_STALL_MS,
  ) {}

  add(statuses: DeviceStatus[], samples: PingSample[], rollups: PingRollup[]): void {
    for (const status of statuses) this.statuses.set(status.deviceId, status);
    for (const sample of samples) this.samples.push(sample);
    for (const rollup of rollups) this.rollups.set(`${rollup.deviceId}:${rollup.bucket}`, rollup);
    this.trim();
  }

  /** Rows not yet in the store, the batch on its way included. */
  pending(): number {
    return this.statuses.size + this.samples.length + this.rollups.size + this.inFlightRows;
  }

  /**
   * Sends what is pending (unless a batch is already on its way) and waits for it at most
   * `stallMs`: a store that does not answer holds the rows here, not the cycle.
   */
  async sendWithin(): Promise<void> {
    const sending = this.send();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([sending, new Promise((resolve) => (timer = setTimeout(resolve, this.stallMs)))]);
    clearTimeout(timer);
  }

  /** Waits for the batch on its way, then writes everything left (shutdown). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    await this.send();
  }

  private send(): Promise<void> {
    this.inFlight ??= this.sendPending().finally(() => {
      this.inFlight = null;
      this.inFlightRows = 0;
    });
    return this.inFlight;
  }

  private async sendPending(): Promise<void> {
    const statuses = [...this.statuses.values()];
    const samples = this.samples;
    const rollups = [...this.rollups.values()];
    this.statuses = new Map();
    this.samples = [];
    this.rollups = new Map();
    this.inFlightRows = statuses.length + samples.length + rollups.length;
    const results = await Promise.allSettled([
      this.repo.status.upsertMany(statuses),
      this.repo.ping.insertSamples(samples),
      rollups.length > 0 ? this.repo.ping.upsertRollups(rollups) : Promise.resolve(),
    ]);
    const [statusResult, sampleResult, rollupResult] = results;
    // A deposed poller leader's rows are refused for good: the new leader measures from now on.
    const kept = (result: PromiseSettledResult<unknown>) =>
      result.status === 'rejected' && !isFenced(result.reason);
    // Newer rows queued meanwhile win over the failed batch's.
    if (kept(statusResult))
      for (const status of statuses)
        if (!this.statuses.has(status.deviceId)) this.statuses.set(status.deviceId, status);
    if (kept(sampleResult)) this.samples = samples.concat(this.samples);
    if (kept(rollupResult))
      for (const rollup of rollups) {
        const key = `${rollup.deviceId}:${rollup.bucket}`;
        if (!this.rollups.has(key)) this.rollups.set(key, rollup);
      }
    this.trim();
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    this.error = failure ? String((failure.reason as Error)?.message ?? failure.reason) : null;
  }

  private trim(): void {
    const excess = this.samples.length - MAX_PENDING_SAMPLES;
    if (excess > 0) {
      this.samples.splice(0, excess);
      this.dropped += excess;
    }
  }
}
