/**
 * Latency anomalies against a robust per-device baseline. The baseline is the median and the MAD
 * (median absolute deviation) of the last `windowSize` round trips; once the device has a week of history and an hour-of-week slot has
 * `seasonalMinSamples` samples of its own, that slot's baseline is used instead, so the Monday
 * evening peak is compared with earlier Monday evenings. The robust z-score is
 * 0.6745·(x − median)/MAD, with the MAD floored at `madFloorMs`. An anomaly is raised after
 * `consecutive` samples at or above `zThreshold` and cleared after as many below it; nothing is
 * judged during warm-up.
 *
 * Memory is fixed per device: a ring of `windowSize` floats plus, after warm-up, 168 slots of
 * (median, MAD, count) kept as streaming estimates (about 2 KB in all).
 */
export interface AnomalyRule {
  windowSize: number;
  warmup: number;
  zThreshold: number;
  consecutive: number;
  madFloorMs: number;
  seasonalMinSamples: number;
  utcOffsetMinutes: number;
}

const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;
const WEEK_MS = HOURS_PER_WEEK * HOUR_MS;
/** 1970-01-01 was a Thursday; shifting by four days puts Sunday 00:00 at slot 0. */
const EPOCH_WEEKDAY_SHIFT_H = 96;
/** How far one sample moves a streaming estimate, as a share of the current spread. */
const SEASONAL_STEP = 0.1;
const MAD_TO_SIGMA = 0.6745;

export function hourOfWeek(at: number, utcOffsetMinutes: number): number {
  const hours = Math.floor((at + utcOffsetMinutes * 60_000) / HOUR_MS) + EPOCH_WEEKDAY_SHIFT_H;
  return ((hours % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

export function robustZ(x: number, median: number, mad: number, madFloor: number): number {
  return (MAD_TO_SIGMA * (x - median)) / Math.max(mad, madFloor);
}

/** Median of the first `n` values of `values`; sorts them in place. */
function medianInPlace(values: Float64Array, n: number): number {
  const view = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? view[mid]! : (view[mid - 1]! + view[mid]!) / 2;
}

export interface AnomalyVerdict {
  /** Null during warm-up. */
  z: number | null;
  active: boolean;
  /** True on the sample that raised or cleared the anomaly. */
  changed: boolean;
}

export class LatencyAnomalyDetector {
  private readonly ring: Float32Array;
  private size = 0;
  private next = 0;
  private seasonal: Float32Array | null = null;
  private seasonalCount: Uint16Array | null = null;
  private learningSince = 0;
  private highStreak = 0;
  private lowStreak = 0;
  private active = false;

  constructor(
    private readonly rule: AnomalyRule,
    /** Scratch space shared by every detector of one monitor (they are fed one at a time). */
    private readonly scratch: Float64Array = new Float64Array(rule.windowSize),
  ) {
    this.ring = new Float32Array(rule.windowSize);
  }

  get isActive(): boolean {
    return this.active;
  }

  observe(rttMs: number, at: number): AnomalyVerdict {
    const slot = hourOfWeek(at, this.rule.utcOffsetMinutes);
    const z = this.score(rttMs, slot, at);
    this.remember(rttMs, slot, at);
    if (z === null) return { z, active: this.active, changed: false };
    const high = z >= this.rule.zThreshold;
    this.highStreak = high ? this.highStreak + 1 : 0;
    this.lowStreak = high ? 0 : this.lowStreak + 1;
    const wasActive = this.active;
    if (!this.active && this.highStreak >= this.rule.consecutive) this.active = true;
    else if (this.active && this.lowStreak >= this.rule.consecutive) this.active = false;
    return { z, active: this.active, changed: wasActive !== this.active };
  }

  /** The slot's (median, MAD) once there is a week of history and enough samples in the slot. */
  private seasonalBaseline(slot: number, at: number): [number, number] | null {
    const { seasonal, seasonalCount } = this;
    if (!seasonal || !seasonalCount || at - this.learningSince < WEEK_MS) return null;
    if (seasonalCount[slot]! < this.rule.seasonalMinSamples) return null;
    return [seasonal[2 * slot]!, seasonal[2 * slot + 1]!];
  }

  private score(x: number, slot: number, at: number): number | null {
    if (this.size < this.rule.warmup) return null;
    const seasonal = this.seasonalBaseline(slot, at);
    if (seasonal) return robustZ(x, seasonal[0], seasonal[1], this.rule.madFloorMs);
    const n = this.size;
    const values = this.scratch;
    for (let i = 0; i < n; i++) values[i] = this.ring[i]!;
    const median = medianInPlace(values, n);
    for (let i = 0; i < n; i++) values[i] = Math.abs(this.ring[i]! - median);
    return robustZ(x, median, medianInPlace(values, n), this.rule.madFloorMs);
  }

  private remember(x: number, slot: number, at: number): void {
    this.ring[this.next] = x;
    this.next = (this.next + 1) % this.ring.length;
    this.size = Math.min(this.size + 1, this.ring.length);
    if (this.size >= this.rule.warmup) this.learnSeasonal(x, slot, at);
  }

  /**
   * Sign-step estimates (each sample nudges the median towards itself by a share of the spread),
   * which track a median and a MAD in constant memory without keeping the samples.
   */
  private learnSeasonal(x: number, slot: number, at: number): void {
    if (!this.seasonal || !this.seasonalCount) {
      this.learningSince = at;
      this.seasonal = new Float32Array(2 * HOURS_PER_WEEK);
      this.seasonalCount = new Uint16Array(HOURS_PER_WEEK);
    }
    const count = this.seasonalCount[slot]!;
    const m = 2 * slot;
    if (count === 0) {
      this.seasonal[m] = x;
      this.seasonal[m + 1] = 0;
    } else {
      const median = this.seasonal[m]!;
      const mad = this.seasonal[m + 1]!;
      const step = Math.max(mad, this.rule.madFloorMs) * SEASONAL_STEP;
      this.seasonal[m] = median + step * Math.sign(x - median);
      this.seasonal[m + 1] = Math.max(0, mad + step * Math.sign(Math.abs(x - median) - mad));
    }
    if (count < 0xffff) this.seasonalCount[slot] = count + 1;
  }
}
