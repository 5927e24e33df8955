const origin = performance.now();

/**
 * Monotonic milliseconds since this module loaded, to the microsecond: exact enough for RTTs, and
 * a plain number (process.hrtime.bigint() allocates a BigInt per probe, 200,000 a cycle at scale).
 */
export function nowMs(): number {
  return performance.now() - origin;
}
