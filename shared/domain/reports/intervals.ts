/** A half-open span of time [start, end), epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export const lengthOf = (interval: Interval): number => Math.max(0, interval.end - interval.start);

/** The part of `interval` inside `range`, or null when they do not meet. */
export function clip(interval: Interval, range: Interval): Interval | null {
  const start = Math.max(interval.start, range.start);
  const end = Math.min(interval.end, range.end);
  return end > start ? { start, end } : null;
}

/** Sorted, non-overlapping intervals covering the same time as `intervals`. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** How much of `interval` the (merged) `cover` intervals overlap. */
export function overlapMs(interval: Interval, cover: readonly Interval[]): number {
  let total = 0;
  for (const part of cover) {
    const shared = clip(part, interval);
    if (shared) total += lengthOf(shared);
  }
  return total;
}
