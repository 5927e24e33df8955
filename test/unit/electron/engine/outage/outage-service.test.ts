import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../electron/engine/event-bus';
import { MemoryUplink } from '../../../../../electron/engine/outage/memory-uplink';
import { OutageService } from '../../../../../electron/engine/outage/outage-service';
import type { VigiaEvent } from '../../../../../shared/contract/events';
import type { MassOutage } from '../../../../../shared/domain/outage/mass-outage';
import { MemoryAlarmPort } from '../../../../helpers/memory-alarm-port';

const NOW = Date.UTC(2026, 10, 30, 1, 0);
const SINCE = '2026-11-30T00:58:00.000Z';

function setup() {
  const uplink = new MemoryUplink(() => NOW);
  const alarms = new MemoryAlarmPort();
  const bus = new EventBus();
  const events: VigiaEvent[] = [];
  bus.subscribe((event) => events.push(event));
  let mass: MassOutage | null = null;
  const cycles = new Set<() => void>();
  const service = new OutageService({
    uplink,
    alarms,
    bus,
    massOutage: () => mass,
    onCycle: (listener) => {
      cycles.add(listener);
      return () => cycles.delete(listener);
    },
    log: () => undefined,
    now: () => NOW,
  });
  const cycle = (next: MassOutage | null) => {
    mass = next;
    cycles.forEach((listener) => listener());
  };
  return { uplink, alarms, events, service, cycle };
}

const outageEvents = (events: VigiaEvent[]) => events.filter((event) => event.type === 'outage.changed');

describe('the uplink verdict', () => {
  it('one alarm while every uplink check fails, one event per change, none when nothing changed', async () => {
    const { uplink, alarms, events, service } = setup();
    service.start();
    expect(outageEvents(events)).toEqual([
      {
        type: 'outage.changed',
        status: { uplink: { down: false, since: NOW, failing: [] }, massOutage: null },
      },
    ]);

    uplink.set({ down: true, since: SINCE, failing: ['DNS 1', 'HTTPS portal'] });
    await service.idle();
    expect(alarms.ofSource('monitor')).toEqual([
      {
        source: 'monitor',
        type: 'uplink-down',
        subject: { deviceId: null, towerId: null, ref: 'monitor:uplink' },
        severity: 'critical',
        params: { failing: 'DNS 1, HTTPS portal' },
      },
    ]);
    const down = { down: true, since: Date.parse(SINCE), failing: ['DNS 1', 'HTTPS portal'] };
    expect(service.status()).toEqual({ uplink: down, massOutage: null });
    uplink.set({ down: true, since: SINCE, failing: ['DNS 1', 'HTTPS portal'] });
    expect(outageEvents(events)).toHaveLength(2);

    uplink.set({ down: false, since: SINCE, failing: [] });
    await service.idle();
    expect(alarms.ofSource('monitor')).toEqual([]);
    expect(outageEvents(events)).toHaveLength(3);
    await service.stop();
  });

  it('tells the UI when the monitor’s mass outage starts and ends', async () => {
    const { events, service, cycle } = setup();
    service.start();
    cycle({
      since: NOW,
      members: new Map([
        ['device:1', 1],
        ['tower:2', 24],
      ]),
    });
    expect(outageEvents(events).at(-1)).toMatchObject({ status: { massOutage: { since: NOW, count: 25 } } });
    cycle(null);
    expect(outageEvents(events).at(-1)).toMatchObject({ status: { massOutage: null } });
    expect(outageEvents(events)).toHaveLength(3);
    await service.stop();
  });

  it('a time that does not parse, or one ahead of the clock, is taken as now', async () => {
    const { uplink, service } = setup();
    service.start();
    uplink.set({ down: true, since: 'not a time', failing: ['DNS'] });
    expect(service.status().uplink.since).toBe(NOW);
    uplink.set({ down: true, since: '2099-01-01T00:00:00Z', failing: ['DNS'] });
    expect(service.status().uplink.since).toBe(NOW);
    await service.stop();
  });
});
