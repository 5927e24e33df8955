import { describe, expect, it } from 'vitest';
import {
  combine,
  deviceAvailability,
  timelineOf,
  type StateChange,
} from '../../../../../shared/domain/reports/availability';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// November 2026 (30 days), in UTC for the arithmetic; the page picks months in local time.
const start = Date.UTC(2026, 10, 1);
const month = { start, end: start + 30 * DAY };
const afterMonth = month.end + DAY;
const upBefore: StateChange = { at: start - 10 * DAY, state: 'up', cause: null };

const report = (changes: StateChange[], before: StateChange | null = upBefore, now = afterMonth) =>
  deviceAvailability(timelineOf(before, changes, month, now), month, now);

describe('device availability', () => {
  it('is 99.667 % for a device down 2 h 24 min in a 30-day month', () => {
    const down = start + 9 * DAY + 13 * HOUR;
    const result = report([
      { at: down, state: 'down', cause: null },
      { at: down + 2 * HOUR + 24 * MIN, state: 'up', cause: null },
    ]);
    expect(result.monitoredMs).toBe(30 * DAY);
    expect(result.downMs).toBe(144 * MIN);
    expect(result.availabilityPct?.toFixed(3)).toBe('99.667');
    expect(result.incidents).toEqual([
      {
        start: down,
        end: down + 144 * MIN,
        cause: { kind: 'device' },
        durationMs: 144 * MIN,
        countedMs: 144 * MIN,
        ongoing: false,
      },
    ]);
  });

  it('takes maintenance out of both the outage and the monitored time', () => {
    // Down 10:00–14:00 on day 2; a window 12:00–16:00 overlaps its last two hours.
    const down = start + DAY + 10 * HOUR;
    const timeline = timelineOf(
      upBefore,
      [
        { at: down, state: 'down', cause: null },
        { at: down + 4 * HOUR, state: 'up', cause: null },
      ],
      month,
      afterMonth,
    );
    timeline.maintenance.push({ start: down + 2 * HOUR, end: down + 6 * HOUR });
    const result = deviceAvailability(timeline, month, afterMonth);
    expect(result.maintenanceMs).toBe(4 * HOUR);
    expect(result.monitoredMs).toBe(30 * DAY - 4 * HOUR);
    expect(result.downMs).toBe(2 * HOUR);
    // (720 h − 4 h − 2 h) / (720 h − 4 h) = 714 / 716
    expect(result.availabilityPct).toBeCloseTo((714 / 716) * 100, 10);
    expect(result.incidents[0]).toMatchObject({ durationMs: 4 * HOUR, countedMs: 2 * HOUR });
  });

  it('lists an outage wholly inside maintenance with maintenance as its cause, counting nothing', () => {
    const at = start + 3 * DAY;
    const result = report([
      { at, state: 'maintenance', cause: null },
      { at: at + 3 * HOUR, state: 'up', cause: null },
    ]);
    expect(result.maintenanceMs).toBe(3 * HOUR);
    expect(result.availabilityPct).toBe(100);
    const timeline = timelineOf(upBefore, [{ at, state: 'down', cause: null }], month, afterMonth);
    timeline.maintenance.push({ start: at - HOUR, end: month.end });
    const covered = deviceAvailability(timeline, month, afterMonth);
    expect(covered.incidents[0]).toMatchObject({ cause: { kind: 'maintenance' }, countedMs: 0 });
    expect(covered.downMs).toBe(0);
  });

  it('clips an outage crossing both edges of the range', () => {
    const result = report([{ at: month.end + HOUR, state: 'up', cause: null }], {
      at: start - 5 * HOUR,
      state: 'down',
      cause: null,
    });
    expect(result.incidents).toEqual([
      {
        start,
        end: month.end,
        cause: { kind: 'device' },
        durationMs: 30 * DAY,
        countedMs: 30 * DAY,
        ongoing: false,
      },
    ]);
    expect(result.availabilityPct).toBe(0);
  });

  it('names the tower or parent that explains an unreachable device, and merges nothing across causes', () => {
    const at = start + 4 * DAY;
    const result = report([
      { at, state: 'unreachable', cause: 'tower:7' },
      { at: at + HOUR, state: 'unreachable', cause: 'device:12' },
      { at: at + 2 * HOUR, state: 'down', cause: null },
      { at: at + 3 * HOUR, state: 'up', cause: null },
    ]);
    expect(result.incidents.map((incident) => incident.cause)).toEqual([
      { kind: 'tower', id: 7 },
      { kind: 'parent', id: 12 },
      { kind: 'device' },
    ]);
    expect(result.downMs).toBe(3 * HOUR);
  });

  it('counts only from the first known state, and stops at the present', () => {
    const added = start + 20 * DAY;
    const now = start + 25 * DAY;
    const result = report(
      [
        { at: added, state: 'up', cause: null },
        { at: now - HOUR, state: 'down', cause: null },
      ],
      null,
      now,
    );
    expect(result.monitoredMs).toBe(5 * DAY);
    expect(result.downMs).toBe(HOUR);
    expect(result.incidents[0]?.ongoing).toBe(true);
    expect(report([], null).availabilityPct).toBeNull();
  });

  it('treats unknown as not monitored and degraded as available', () => {
    const result = report([
      { at: start + DAY, state: 'unknown', cause: null },
      { at: start + 2 * DAY, state: 'degraded', cause: null },
    ]);
    expect(result.monitoredMs).toBe(29 * DAY);
    expect(result.availabilityPct).toBe(100);
  });
});

describe('a tower’s availability', () => {
  it('is device time up over device time monitored', () => {
    const at = start + 10 * DAY;
    const devices = [
      report([
        { at, state: 'down', cause: null },
        { at: at + 3 * HOUR, state: 'up', cause: null },
      ]),
      report([]),
      report([
        { at, state: 'unreachable', cause: 'tower:1' },
        { at: at + 6 * HOUR, state: 'up', cause: null },
      ]),
    ];
    const tower = combine(devices);
    expect(tower.monitoredMs).toBe(3 * 30 * DAY);
    expect(tower.downMs).toBe(9 * HOUR);
    // (2,160 h − 9 h) / 2,160 h = 99.583 %
    expect(tower.availabilityPct?.toFixed(3)).toBe('99.583');
    expect(combine([]).availabilityPct).toBeNull();
  });
});
