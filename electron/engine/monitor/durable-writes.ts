import type { DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import type { Repository } from '../store/repository';

/** Rows kept for a retry while the store is failing; beyond that the oldest samples go first. */
const MAX_PENDING_SAMPLES = 500_000;

/**
 * The cycle's writes (statuses, samples, rollups), sent in batches. When the store fails (locked,
 * disk full, PostgreSQL gone) the rows stay here and go out with the next cycle's, so a passing
 * failure loses nothing; `error` tells the engine's health what went wrong.
 */
export class DurableWrites {
  private statuses = new Map<number, DeviceStatus>();
  private samples: PingSample[] = [];
  private rollups = new Map<string, PingRollup>();
  error: string | null = null;
  dropped = 0;

  constructor(private readonly repo: Repository) {}

  add(statuses: DeviceStatus[], samples: PingSample[], rollups: PingRollup[]): void {
    for (const status of statuses) this.statuses.set(status.deviceId, status);
    for (const sample of samples) this.samples.push(sample);
    for (const rollup of rollups) this.rollups.set(`${rollup.deviceId}:${rollup.bucket}`, rollup);
    const excess = this.samples.length - MAX_PENDING_SAMPLES;
    if (excess > 0) {
      this.samples.splice(0, excess);
      this.dropped += excess;
    }
  }

  async flush(): Promise<void> {
    const statuses = [...this.statuses.values()];
    const samples = this.samples;
    const rollups = [...this.rollups.values()];
    this.statuses = new Map();
    this.samples = [];
    this.rollups = new Map();
    const results = await Promise.allSettled([
      this.repo.status.upsertMany(statuses),
      this.repo.ping.insertSamples(samples),
      rollups.length > 0 ? this.repo.ping.upsertRollups(rollups) : Promise.resolve(),
    ]);
    const [statusResult, sampleResult, rollupResult] = results;
    if (statusResult.status === 'rejected') this.add(statuses, [], []);
    if (sampleResult.status === 'rejected') this.samples = samples.concat(this.samples);
    if (rollupResult.status === 'rejected') this.add([], [], rollups);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    this.error = failure ? String((failure.reason as Error)?.message ?? failure.reason) : null;
  }
}
