import { describe, expect, it } from 'vitest';
import { planDemoHistory, previousMonthStart } from '../../../../../electron/engine/demo/history';
import { deviceAvailability, timelineOf } from '../../../../../shared/domain/reports/availability';

const now = Date.UTC(2026, 10, 30, 1, 0);
const devices = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, towerId: (i % 4) + 1 }));
const towers = [1, 2, 3, 4].map((id) => ({ id }));

const availabilityOf = (deviceId: number, range: { start: number; end: number }) => {
  const changes = planDemoHistory(devices, towers, now)
    .filter((change) => change.deviceId === deviceId)
    .map(({ since, state, cause }) => ({ at: since, state, cause }));
  return deviceAvailability(timelineOf(null, changes, range, now), range, now);
};

describe('the demo’s state history', () => {
  it('has the first device down exactly 2 h 24 min in the previous month (UTC)', () => {
    const start = previousMonthStart(now);
    expect(start).toBe(Date.UTC(2026, 9, 1));
    const october = availabilityOf(1, { start, end: Date.UTC(2026, 10, 1) });
    expect(october.downMs).toBe(144 * 60_000);
    // 31 days: (44,640 − 144) / 44,640 min
    expect(october.availabilityPct?.toFixed(3)).toBe('99.677');
  });

  it('ends every device up, its changes in time order, with the tower outage and maintenance', () => {
    const changes = planDemoHistory(devices, towers, now);
    for (const device of devices) {
      const own = changes.filter((change) => change.deviceId === device.id);
      expect(own.at(-1)?.state).toBe('up');
      expect(own.map((change) => change.since)).toEqual(
        own.map((change) => change.since).sort((a, b) => a - b),
      );
      expect(own.every((change) => change.since < now)).toBe(true);
    }
    expect(changes.some((change) => change.state === 'unreachable' && change.cause === 'tower:2')).toBe(true);
    expect(changes.some((change) => change.state === 'maintenance')).toBe(true);
    expect(planDemoHistory(devices, towers, now)).toEqual(changes);
  });
});
