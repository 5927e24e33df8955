/**
 * "Is it us?" without any configured check: when a large share of every monitored device stops
 * answering in one cycle, and no single parent or tower explains it, the likeliest cause is on the
 * NOC's side (its uplink, its core, its own pinger). That is one mass outage, not thousands of
 * outages: one alarm, one notification, the devices' own alarms kept but held under it.
 */
export interface MassOutageRule {
  /** A mass outage starts when the devices newly failed in one cycle reach this share (%)… */
  startPct: number;
  /** …and ends once the devices still down among its members fall to this share (%) or below. */
  endPct: number;
  /** …and never for fewer newly failed devices than this (a small network's two failures are two failures). */
  minDevices: number;
}

export const defaultMassOutageRule: MassOutageRule = { startPct: 50, endPct: 25, minDevices: 20 };

/** An ongoing mass outage: its members are root causes ("device:<id>", "tower:<id>"), each with the devices it stands for. */
export interface MassOutage {
  since: number;
  members: ReadonlyMap<string, number>;
}

export interface CycleFailures {
  /** Devices monitored now (enabled, not in maintenance). */
  monitored: number;
  /** Every failed root cause of this cycle (`rootCauseKey`) and the devices it stands for, itself included. */
  failedRoots: ReadonlyMap<string, number>;
  /** The root causes that had already failed at the previous evaluation. */
  previousRoots: ReadonlySet<string>;
}

export interface MassOutageStep {
  outage: MassOutage | null;
  started: boolean;
  ended: boolean;
}

const share = (pct: number, of: number): number => (pct / 100) * of;

/**
 * One evaluation. Start: the roots that failed since the previous evaluation stand for at least
 * `startPct` % of the monitored devices and at least `minDevices`, while none of them alone does
 * (a common parent or tower to blame keeps its own root-cause alarm). While it lasts, every new
 * failure joins it. End: the members still failing stand for `endPct` % of the monitored devices
 * or fewer; what still fails then becomes ordinary alarms again.
 */
export function stepMassOutage(
  current: MassOutage | null,
  cycle: CycleFailures,
  rule: MassOutageRule,
  at: number,
): MassOutageStep {
  const fresh = [...cycle.failedRoots].filter(([key]) => !cycle.previousRoots.has(key));
  if (current === null) {
    const devices = fresh.reduce((sum, [, count]) => sum + count, 0);
    const largest = fresh.reduce((max, [, count]) => Math.max(max, count), 0);
    const threshold = Math.max(rule.minDevices, share(rule.startPct, cycle.monitored));
    const starts = cycle.monitored > 0 && devices >= threshold && largest < threshold;
    return starts
      ? { outage: { since: at, members: new Map(fresh) }, started: true, ended: false }
      : { outage: null, started: false, ended: false };
  }
  const members = new Map(current.members);
  for (const [key, count] of cycle.failedRoots)
    if (members.has(key) || !cycle.previousRoots.has(key))
      members.set(key, Math.max(count, members.get(key) ?? 0));
  const stillDown = stillFailing(members, cycle.failedRoots);
  if (stillDown <= share(rule.endPct, cycle.monitored)) return { outage: null, started: false, ended: true };
  return { outage: { since: current.since, members }, started: false, ended: false };
}

/** The devices the members stand for that still fail now. */
export function stillFailing(
  members: ReadonlyMap<string, number>,
  failedRoots: ReadonlyMap<string, number>,
): number {
  let count = 0;
  for (const key of members.keys()) count += failedRoots.get(key) ?? 0;
  return count;
}

/** The devices a mass outage stands for (its alarm's `count`). */
export const outageDevices = (outage: MassOutage): number =>
  [...outage.members.values()].reduce((sum, count) => sum + count, 0);
