import type { DeviceState } from '../../contract/entities';
import { clip, lengthOf, merge, overlapMs, type Interval } from './intervals';

/**
 * Availability for SLA reports, from a device's stored state changes. A device counts as
 * unavailable while `down` (it failed itself), `unreachable` (its tower or a parent failed) or
 * `flapping` (it kept dropping out); time in maintenance is taken out of both the monitored time
 * and the outage time; time before its first known state, or while `unknown`, is not monitored.
 */

export type RootCause =
  | { kind: 'device' }
  | { kind: 'tower'; id: number }
  | { kind: 'parent'; id: number }
  | { kind: 'flapping' }
  /** The whole outage fell inside a maintenance window: listed, never counted. */
  | { kind: 'maintenance' };

export interface StateChange {
  at: number;
  state: DeviceState;
  /** `tower:<id>` or `device:<id>` for an unreachable device (see resolveOutages). */
  cause: string | null;
}

export interface Outage extends Interval {
  cause: RootCause;
}

export interface Incident extends Outage {
  /** Clipped to the report's range. */
  durationMs: number;
  /** What counts against availability: the duration less any maintenance inside it. */
  countedMs: number;
  /** Still open now (only in a range that reaches the present). */
  ongoing: boolean;
}

export interface AvailabilityFigures {
  /** Monitored time inside the range, maintenance excluded. */
  monitoredMs: number;
  /** Outage time inside the range, maintenance excluded. */
  downMs: number;
  maintenanceMs: number;
  /** Null when nothing was monitored. */
  availabilityPct: number | null;
}

export interface DeviceAvailability extends AvailabilityFigures {
  incidents: Incident[];
}

const UNAVAILABLE: ReadonlySet<DeviceState> = new Set(['down', 'unreachable', 'flapping']);
const UNMONITORED: ReadonlySet<DeviceState> = new Set(['unknown']);

export function rootCauseOf(change: Pick<StateChange, 'state' | 'cause'>): RootCause {
  if (change.state === 'flapping') return { kind: 'flapping' };
  const match = /^(tower|device):(\d+)$/.exec(change.cause ?? '');
  if (change.state === 'unreachable' && match) {
    const id = Number(match[2]);
    return match[1] === 'tower' ? { kind: 'tower', id } : { kind: 'parent', id };
  }
  return { kind: 'device' };
}

const sameCause = (a: RootCause, b: RootCause): boolean =>
  a.kind === b.kind && ('id' in a ? a.id : null) === ('id' in b ? b.id : null);

export interface Timeline {
  monitored: Interval[];
  maintenance: Interval[];
  outages: Outage[];
}

/**
 * Splits a device's state history into monitored time, maintenance windows and outages, inside
 * `range`. `before` is the last change before the range (the state the range opens with); `now`
 * closes the last state, so a report of the current month stops at the present.
 */
export function timelineOf(
  before: StateChange | null,
  changes: readonly StateChange[],
  range: Interval,
  now: number,
): Timeline {
  const end = Math.min(range.end, now);
  const points = [...(before ? [{ ...before, at: Math.min(before.at, range.start) }] : []), ...changes]
    .filter((change) => change.at < end)
    .sort((a, b) => a.at - b.at);
  const timeline: Timeline = { monitored: [], maintenance: [], outages: [] };
  points.forEach((change, index) => {
    const span = clip({ start: change.at, end: points[index + 1]?.at ?? end }, { start: range.start, end });
    if (!span || UNMONITORED.has(change.state)) return;
    timeline.monitored.push(span);
    if (change.state === 'maintenance') timeline.maintenance.push(span);
    if (!UNAVAILABLE.has(change.state)) return;
    const cause = rootCauseOf(change);
    const last = timeline.outages.at(-1);
    // A state that goes on with the same root cause (down → down after a restart) is one outage.
    if (last && last.end === span.start && sameCause(last.cause, cause)) last.end = span.end;
    else timeline.outages.push({ ...span, cause });
  });
  return timeline;
}

/** Availability of one device over `range` from its timeline, with its incidents. */
export function deviceAvailability(timeline: Timeline, range: Interval, now: number): DeviceAvailability {
  const maintenance = merge(timeline.maintenance.flatMap((window) => clip(window, range) ?? []));
  const monitored = merge(timeline.monitored.flatMap((span) => clip(span, range) ?? []));
  const maintenanceMs = monitored.reduce((sum, span) => sum + overlapMs(span, maintenance), 0);
  const monitoredMs = monitored.reduce((sum, span) => sum + lengthOf(span), 0) - maintenanceMs;
  const incidents: Incident[] = [];
  for (const outage of timeline.outages) {
    const inside = clip(outage, range);
    if (!inside) continue;
    const durationMs = lengthOf(inside);
    const countedMs = durationMs - overlapMs(inside, maintenance);
    incidents.push({
      ...inside,
      cause: countedMs === 0 ? { kind: 'maintenance' } : outage.cause,
      durationMs,
      countedMs,
      ongoing: outage.end >= now,
    });
  }
  const downMs = incidents.reduce((sum, incident) => sum + incident.countedMs, 0);
  return { ...figures(monitoredMs, downMs, maintenanceMs), incidents };
}

function figures(monitoredMs: number, downMs: number, maintenanceMs: number): AvailabilityFigures {
  return {
    monitoredMs,
    downMs,
    maintenanceMs,
    availabilityPct: monitoredMs > 0 ? ((monitoredMs - downMs) / monitoredMs) * 100 : null,
  };
}

/**
 * A group's availability (a tower, a tag, the whole report): device time up over device time
 * monitored, so a device watched all month weighs more than one added on its last day.
 */
export function combine(parts: readonly AvailabilityFigures[]): AvailabilityFigures {
  let monitoredMs = 0;
  let downMs = 0;
  let maintenanceMs = 0;
  for (const part of parts) {
    monitoredMs += part.monitoredMs;
    downMs += part.downMs;
    maintenanceMs += part.maintenanceMs;
  }
  return figures(monitoredMs, downMs, maintenanceMs);
}
