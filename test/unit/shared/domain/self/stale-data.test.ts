import { describe, expect, it } from 'vitest';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';
import { staleSnmpAlarms, type SnmpFreshness } from '../../../../../shared/domain/self/stale-data';

const MIN = 60_000;
const NOW = 1_000 * MIN;
const device = (overrides: Partial<SnmpFreshness>): SnmpFreshness => ({
  deviceId: 7,
  name: 'olt-centro',
  answersPing: true,
  intervalS: 60,
  lastGoodAt: NOW - 5 * MIN,
  ...overrides,
});

describe('stale SNMP data', () => {
  it('flags a device answering ping whose SNMP data stopped for 3 intervals, never under 10 minutes', () => {
    expect(staleSnmpAlarms([device({ lastGoodAt: NOW - 10 * MIN })], NOW)).toEqual([]);
    const [alarm] = staleSnmpAlarms([device({ lastGoodAt: NOW - 10 * MIN - 1 })], NOW);
    expect(alarm).toEqual({
      source: 'self',
      type: 'stale_data',
      subject: { deviceId: 7, towerId: null, ref: 'snmp' },
      severity: 'warning',
      params: { device: 'olt-centro', minutes: 10 },
    });
    expect(renderAlarm('pt-BR', { ...alarm!, affected: 1 })).toBe(
      'olt-centro responde ao ping, mas os dados SNMP não se atualizam há 10 min',
    );
    // A 10-minute interval waits three of them.
    expect(staleSnmpAlarms([device({ intervalS: 600, lastGoodAt: NOW - 29 * MIN })], NOW)).toEqual([]);
    expect(staleSnmpAlarms([device({ intervalS: 600, lastGoodAt: NOW - 31 * MIN })], NOW)).toHaveLength(1);
  });

  it('leaves a device that does not answer ping to its own down alarm', () => {
    expect(staleSnmpAlarms([device({ answersPing: false, lastGoodAt: 0 })], NOW)).toEqual([]);
  });
});
