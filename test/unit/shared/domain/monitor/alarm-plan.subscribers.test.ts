import { describe, expect, it } from 'vitest';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';
import { planAlarms, type PlannedAlarm } from '../../../../../shared/domain/monitor/alarm-plan';

const text = (alarm: PlannedAlarm | undefined) => renderAlarm('pt-BR', { source: 'icmp', ...alarm! });

const base = {
  sectors: [],
  devices: [],
  deviceCovered: () => false,
  towerCovered: () => false,
  deviceName: (id: number) => `dev ${id}`,
  towerName: (id: number) => `T${id}`,
};

describe('subscribers behind a tower in its alarms', () => {
  const outage = {
    rootOf: new Map(),
    downTowers: new Set([7]),
    affected: new Map([['tower:7', 50]]),
  };

  it('quotes the radios’ clients when SNMP knows them', () => {
    const [alarm] = planAlarms({
      ...base,
      outage,
      subscribersBehind: (towerId) => (towerId === 7 ? 230 : 0),
    });
    expect(text(alarm)).toBe(
      'Torre T7 fora do ar: 50 dispositivos afetados, 230 assinantes atrás desta torre',
    );
  });

  it('says nothing of subscribers when none are known', () => {
    const [alarm] = planAlarms({ ...base, outage });
    expect(text(alarm)).toBe('Torre T7 fora do ar: 50 dispositivos afetados');
  });

  it('quotes them in a sector problem too', () => {
    const [alarm] = planAlarms({
      ...base,
      outage: { rootOf: new Map(), downTowers: new Set(), affected: new Map() },
      sectors: [{ towerId: 3, failed: 4, total: 6, roots: [1, 2, 3, 4] }],
      subscribersBehind: () => 1,
    });
    expect(text(alarm)).toMatch(/4 de 6 dispositivos sem resposta, 1 assinante atrás desta torre$/);
  });
});
