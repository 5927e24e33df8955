const origin = process.hrtime.bigint();

/** Monotonic milliseconds (process.hrtime) since this module loaded: exact enough for RTTs. */
export function nowMs(): number {
  return Number(process.hrtime.bigint() - origin) / 1e6;
}
