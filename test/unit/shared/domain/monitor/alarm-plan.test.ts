import { describe, expect, it } from 'vitest';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';
import { planAlarms, type DeviceAlarmFacts } from '../../../../../shared/domain/monitor/alarm-plan';
import { resolveOutages, type TopologyDevice } from '../../../../../shared/domain/monitor/dependencies';
import { deviceVerdict } from '../../../../../shared/domain/monitor/device-state';

const topology: TopologyDevice[] = [
  { id: 1, towerId: 9, parentId: null },
  { id: 2, towerId: 9, parentId: 1 },
  { id: 3, towerId: 9, parentId: 1 },
  { id: 4, towerId: null, parentId: null },
  { id: 5, towerId: null, parentId: 4 },
];
const facts = (overrides: Partial<DeviceAlarmFacts>[] = []): DeviceAlarmFacts[] =>
  topology.map((d, i) => ({
    id: d.id,
    flapping: false,
    degraded: false,
    anomaly: false,
    answering: true,
    ...overrides[i],
  }));

function plan(
  failed: number[],
  options: { devices?: DeviceAlarmFacts[]; covered?: number[]; towers?: number[] } = {},
) {
  const set = new Set(failed);
  const covered = new Set(options.covered ?? []);
  const towers = new Set(options.towers ?? []);
  return planAlarms({
    outage: resolveOutages(topology, (id) => set.has(id)),
    sectors: [],
    devices: options.devices ?? facts(),
    deviceCovered: (id) => covered.has(id),
    towerCovered: (id) => towers.has(id),
    deviceName: (id) => `dev${id}`,
    towerName: (id) => `T${id}`,
  }).map((a) => [a.type, a.deviceId ?? a.towerId, a.severity, a.affected]);
}

describe('alarm plan', () => {
  interface Case {
    failed: number[];
    devices?: DeviceAlarmFacts[];
    covered?: number[];
    towers?: number[];
    expected: unknown[];
  }
  const cases: [string, Case][] = [
    ['everything fine', { failed: [], expected: [] }],
    ['tower lost', { failed: [1, 2, 3], expected: [['tower_down', 9, 'critical', 3]] }],
    ['tower lost in maintenance', { failed: [1, 2, 3], towers: [9], expected: [] }],
    ['root cause with a dependant', { failed: [4, 5], expected: [['device_down', 4, 'critical', 2]] }],
    ['a lone failure', { failed: [5], expected: [['device_down', 5, 'major', 1]] }],
    ['root in maintenance hides its dependants too', { failed: [4, 5], covered: [4], expected: [] }],
    [
      'flapping replaces down',
      {
        failed: [4, 5],
        devices: facts([{}, {}, {}, { flapping: true }]),
        expected: [['flapping', 4, 'minor', 1]],
      },
    ],
    [
      'degraded and anomalous answers',
      {
        failed: [],
        devices: facts([{ degraded: true }, { anomaly: true }]),
        expected: [
          ['degraded', 1, 'warning', 1],
          ['latency_anomaly', 2, 'warning', 1],
        ],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { failed, expected, ...options }) => {
    expect(plan(failed, options)).toEqual(expected);
  });

  it('says how many devices a tower alarm stands for', () => {
    const [alarm] = planAlarms({
      outage: resolveOutages(topology, (id) => id <= 3),
      sectors: [],
      devices: [],
      deviceCovered: () => false,
      towerCovered: () => false,
      deviceName: String,
      towerName: () => 'Serra',
    });
    expect(alarm).toMatchObject({ affected: 3, params: { tower: 'Serra', subscribers: 0 } });
    expect(renderAlarm('pt-BR', { source: 'icmp', ...alarm! })).toBe(
      'Torre Serra fora do ar: 3 dispositivos afetados',
    );
    expect(renderAlarm('en', { source: 'icmp', ...alarm! })).toBe('Tower Serra down: 3 devices affected');
  });
});

describe('device verdict', () => {
  const base = {
    id: 2,
    health: 'up' as const,
    degraded: false,
    flapping: false,
    inMaintenance: false,
    root: undefined,
  };
  it.each([
    ['up', base, 'up', null],
    ['degraded', { ...base, degraded: true }, 'degraded', null],
    [
      'down on its own',
      { ...base, health: 'down' as const, root: { kind: 'device' as const, id: 2 } },
      'down',
      null,
    ],
    [
      'unreachable behind a tower',
      { ...base, health: 'down' as const, root: { kind: 'tower' as const, id: 9 } },
      'unreachable',
      'tower:9',
    ],
    ['maintenance wins', { ...base, health: 'down' as const, inMaintenance: true }, 'maintenance', null],
    ['flapping', { ...base, flapping: true }, 'flapping', null],
    ['unknown', { ...base, health: 'unknown' as const }, 'unknown', null],
  ])('%s', (_name, input, state, cause) => expect(deviceVerdict(input)).toEqual({ state, cause }));
});
