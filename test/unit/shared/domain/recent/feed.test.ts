import { describe, expect, it } from 'vitest';
import type { RecentChange } from '../../../../../shared/contract/recent';
import {
  alarmMomentOf,
  compareRecent,
  cursorOf,
  mergeRecent,
  stateChangesOf,
} from '../../../../../shared/domain/recent/feed';
import { deviceDownAlarm } from '../../../../helpers/alarms';
import { deviceStatus } from '../../../../helpers/device-status';

const T = 1_700_000_000_000;

describe('recent changes feed', () => {
  it('takes a new state from a status batch, not a new sample of the same state', () => {
    const known = new Map([
      [1, deviceStatus(1, 'up', T)],
      [2, deviceStatus(2, 'up', T)],
    ]);
    const batch = [
      { ...deviceStatus(1, 'up', T), rttMs: 9 },
      deviceStatus(2, 'down', T + 1_000),
      deviceStatus(3, 'up', T + 2_000),
    ];
    expect(stateChangesOf(batch, (id) => known.get(id))).toEqual([
      { kind: 'state', at: T + 1_000, deviceId: 2, from: 'up', to: 'down', cause: null },
      { kind: 'state', at: T + 2_000, deviceId: 3, from: null, to: 'up', cause: null },
    ]);
  });

  it('turns alarm events into moments: raised, a new acknowledgement, cleared; a recount is none', () => {
    const raised = deviceDownAlarm(7, 'AP Norte', { raisedAt: T });
    expect(alarmMomentOf('alarm.raised', raised, undefined)).toEqual({
      kind: 'alarm',
      action: 'raised',
      at: T,
      alarm: raised,
    });
    expect(alarmMomentOf('alarm.updated', { ...raised, affected: 3 }, raised)).toBeNull();
    const acknowledged = {
      ...raised,
      state: 'acknowledged' as const,
      acknowledgedAt: T + 60_000,
      acknowledgedBy: 'joana',
      note: 'Equipe a caminho',
    };
    expect(alarmMomentOf('alarm.updated', acknowledged, raised)).toMatchObject({
      action: 'acknowledged',
      at: T + 60_000,
    });
    expect(alarmMomentOf('alarm.updated', { ...acknowledged, affected: 2 }, acknowledged)).toBeNull();
    const cleared = { ...acknowledged, state: 'cleared' as const, clearedAt: T + 120_000 };
    expect(alarmMomentOf('alarm.cleared', cleared, acknowledged)).toMatchObject({
      action: 'cleared',
      at: T + 120_000,
    });
  });

  it('merges newest first, keeps one copy of a moment heard twice, and caps the list', () => {
    const alarm = deviceDownAlarm(7, 'AP Norte', { raisedAt: T });
    const stored: RecentChange[] = [
      { kind: 'alarm', action: 'raised', at: T, alarm },
      { kind: 'state', at: T, deviceId: 70, from: 'up', to: 'down', cause: null },
    ];
    const heard: RecentChange[] = [
      { kind: 'state', at: T + 5, deviceId: 71, from: 'up', to: 'down', cause: null },
      { kind: 'alarm', action: 'raised', at: T, alarm: { ...alarm, affected: 2 } },
    ];
    const merged = mergeRecent(heard, stored, 10);
    expect(merged.map(cursorOf)).toEqual([
      { at: T + 5, rank: 0, id: 71 },
      { at: T, rank: 1, id: 7 },
      { at: T, rank: 0, id: 70 },
    ]);
    // The fresher copy wins.
    expect(merged[1]).toMatchObject({ alarm: { affected: 2 } });
    expect(mergeRecent(heard, stored, 2)).toHaveLength(2);
    expect([...merged].reverse().sort(compareRecent)).toEqual(merged);
  });
});
