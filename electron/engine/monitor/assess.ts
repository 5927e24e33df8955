import type { DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import { planAlarms, type AlarmSubject, type PlannedAlarm } from '../../../shared/domain/monitor/alarm-plan';
import type { MonitorConfig } from '../../../shared/domain/monitor/config';
import { findSectorProblems, resolveOutages } from '../../../shared/domain/monitor/dependencies';
import { deviceVerdict, isOffline } from '../../../shared/domain/monitor/device-state';
import { toRollup } from '../../../shared/domain/monitor/rollup';
import { answered, type DeviceTracker } from './device-tracker';
import type { Inventory } from '../inventory/inventory';
import { TurnBudget } from '../store/turn-budget';

export interface Assessment {
  /** Statuses worth publishing and storing: a new state or cause, or a sample worth logging. */
  changed: DeviceStatus[];
  samples: PingSample[];
  rollups: PingRollup[];
  plan: PlannedAlarm[];
  /** Alarm subjects under maintenance: their open alarms stay as they are. */
  frozen: (subject: AlarmSubject) => boolean;
  offline: number;
  stateChanges: number;
  /** Devices watched now (not in maintenance), and each failed root cause with the devices it stands for. */
  monitored: number;
  failedRoots: ReadonlyMap<string, number>;
}

/**
 * Turns the trackers' latest checks into the cycle's verdicts: the dependency picture, each
 * device's state, the samples and rollups to write, and the alarm plan. One pass over the
 * devices plus the dependency walk: O(devices). At 10,000 devices that is tens of milliseconds of
 * work, so it gives the event loop turns (between its steps, and every few milliseconds of the
 * pass) for the calls that arrive meanwhile; cycles run one at a time, so nothing else moves the
 * trackers in between.
 */
export async function assess(
  inventory: Inventory,
  trackers: ReadonlyMap<number, DeviceTracker>,
  checked: ReadonlySet<number>,
  at: number,
  config: MonitorConfig,
): Promise<Assessment> {
  const covered = inventory.coverage(at);
  const failed = (id: number) => trackers.get(id)?.reach.health === 'down';
  const links = inventory.links();
  const outage = resolveOutages(links, failed);
  const watched = (id: number) => {
    const health = trackers.get(id)?.reach.health;
    return health !== undefined && health !== 'unknown' && !covered.device(id);
  };
  const sectors = findSectorProblems(links, watched, outage, config);
  const budget = new TurnBudget();
  await budget.turn();

  const result: Assessment = {
    changed: [],
    samples: [],
    rollups: [],
    plan: [],
    frozen: (subject) =>
      subject.deviceId !== null ? covered.device(subject.deviceId) : covered.tower(subject.towerId ?? 0),
    offline: 0,
    stateChanges: 0,
    monitored: 0,
    failedRoots: outage.affected,
  };
  for (const tracker of trackers.values()) {
    if (budget.due()) await budget.turn();
    const root = outage.rootOf.get(tracker.id);
    tracker.noteOwnFailure(root?.kind === 'device' && root.id === tracker.id, at);
    const inMaintenance = covered.device(tracker.id);
    if (!inMaintenance) result.monitored += 1;
    const verdict = deviceVerdict({
      id: tracker.id,
      health: tracker.reach.health,
      degraded: tracker.quality.degraded,
      flapping: tracker.flap.flapping,
      inMaintenance,
      root,
    });
    const previous = tracker.status;
    const stateChanged = verdict.state !== previous.state || verdict.cause !== previous.cause;
    const wasChecked = checked.has(tracker.id) && tracker.lastResult !== null;
    const lastResult = wasChecked ? tracker.lastResult : null;
    tracker.status = {
      deviceId: tracker.id,
      state: verdict.state,
      cause: verdict.cause,
      since: stateChanged ? at : previous.since,
      lastCheck: lastResult ? at : previous.lastCheck,
      rttMs: lastResult ? (answered(lastResult) ? lastResult.avgMs : null) : previous.rttMs,
      lossPct: lastResult ? lastResult.lossPct : previous.lossPct,
    };
    if (verdict.state !== previous.state) result.stateChanges += 1;
    if (isOffline(verdict.state)) result.offline += 1;

    const sample = wasChecked ? tracker.sampleToLog(at) : null;
    if (sample) result.samples.push(sample);
    if (stateChanged || sample) result.changed.push(tracker.status);
    if (wasChecked) {
      const finished = tracker.addToRollup(at, inMaintenance);
      const rollup = finished && toRollup(tracker.id, finished);
      if (rollup) result.rollups.push(rollup);
    }
  }

  await budget.turn();
  result.plan = planAlarms({
    outage,
    sectors,
    devices: alarmFacts(trackers),
    deviceCovered: covered.device,
    towerCovered: covered.tower,
    deviceName: inventory.deviceName,
    towerName: inventory.towerName,
    subscribersBehind: inventory.subscribersBehind,
  });
  return result;
}

function* alarmFacts(trackers: ReadonlyMap<number, DeviceTracker>) {
  for (const tracker of trackers.values())
    yield {
      id: tracker.id,
      flapping: tracker.flap.flapping,
      degraded: tracker.quality.degraded,
      anomaly: tracker.anomaly.isActive,
      answering: tracker.reach.health === 'up',
    };
}
