/**
 * An interface's index as an agent gives it (an OID's row, a varbind's text): a whole number ≥ 0
 * that a number holds exactly, else null. A broken agent may send anything there, and the
 * contract refuses what is not.
 */
export function interfaceIndex(text: string): number | null {
  const index = Number(text);
  return Number.isSafeInteger(index) && index >= 0 ? index : null;
}

/** ifSpeed's ceiling (Gauge32): an agent reports it for any interface faster than 4.29 Gbit/s. */
export const IF_SPEED_CEILING = 4_294_967_295;

/**
 * An interface's speed in Mbit/s from what its agent gave: ifHighSpeed when it is there and not 0
 * (it is in Mbit/s and has no ceiling), else ifSpeed in bit/s — unless that is 0 or pinned at its
 * ceiling, which say "unknown" and "faster than I can tell". 0 means unknown.
 */
export function interfaceSpeedMbps(ifSpeed: number | null, ifHighSpeed: number | null): number {
  if (ifHighSpeed !== null && ifHighSpeed > 0) return ifHighSpeed;
  if (ifSpeed === null || ifSpeed <= 0 || ifSpeed >= IF_SPEED_CEILING) return 0;
  return ifSpeed / 1e6;
}

/** One column's values as read, null where a row had none. */
type Counters = readonly (string | null)[];

/**
 * Whether the 64-bit octet counters can be trusted: present for every interface the 32-bit ones
 * cover, in both directions (an agent whose view ends mid-ifXTable has them for some only), and
 * not stuck at zero while the 32-bit ones count (firmware that lists ifHCInOctets but never
 * updates it, which would show an idle link where traffic flows).
 */
export function hcCountersUsable(hc: { in: Counters; out: Counters }, legacyIn: Counters): boolean {
  const present = (values: Counters) => values.filter((value): value is string => value !== null);
  const hcIn = present(hc.in);
  const legacy = present(legacyIn);
  if (hcIn.length === 0 || hcIn.length < legacy.length || present(hc.out).length < hcIn.length) return false;
  const counting = (values: string[]) => values.some((value) => value !== '0');
  return counting(hcIn) || !counting(legacy);
}
