const BUCKET_MS = 5 * 60_000;

/**
 * The highest value of each measure over a sliding window, kept as one maximum per five minutes
 * (13 numbers per measure for an hour) rather than every sample: 40,000 measures fit in a few MB.
 */
export class RateWindow {
  private readonly buckets = new Map<string, { start: number[]; max: number[] }>();

  constructor(private windowMs: number) {}

  resize(windowMs: number): void {
    this.windowMs = windowMs;
  }

  record(uid: string, at: number, value: number): void {
    const start = at - (at % BUCKET_MS);
    let series = this.buckets.get(uid);
    if (!series) {
      series = { start: [], max: [] };
      this.buckets.set(uid, series);
    }
    const last = series.start.length - 1;
    if (last >= 0 && series.start[last] === start) series.max[last] = Math.max(series.max[last]!, value);
    else if (last < 0 || series.start[last]! < start) {
      series.start.push(start);
      series.max.push(value);
    }
    const oldest = at - this.windowMs - BUCKET_MS;
    while (series.start.length > 0 && series.start[0]! < oldest) {
      series.start.shift();
      series.max.shift();
    }
  }

  /** The highest value recorded since `at - window`, or null when there is none. */
  maxAt(uid: string, at: number): number | null {
    const series = this.buckets.get(uid);
    if (!series) return null;
    const since = at - this.windowMs;
    let max: number | null = null;
    for (let i = 0; i < series.start.length; i++)
      if (series.start[i]! + BUCKET_MS > since)
        max = max === null ? series.max[i]! : Math.max(max, series.max[i]!);
    return max;
  }

  forget(keep: (uid: string) => boolean): void {
    for (const uid of this.buckets.keys()) if (!keep(uid)) this.buckets.delete(uid);
  }
}
