import { describe, expect, it } from 'vitest';
import { nmsTimeReader } from '../../../../../shared/domain/optical/nms-time';
import {
  normaliseFamily,
  parseCount,
  parseMeasure,
  parseMeasureValue,
} from '../../../../../shared/domain/optical/records';
import { unitLookup } from '../../../../../shared/domain/optical/units';
import { defaultRules } from '../../../../../shared/domain/optical/defaults';

describe('Smart API records', () => {
  it('read a count bare or as the alarms` TOTAL, and nothing that is not a count', () => {
    expect([72, { TOTAL: 3, MAJOR: 2, MINOR: 1 }, 0].map(parseCount)).toEqual([72, 3, 0]);
    const notCounts = [-1, 2.5, 2 ** 53, '72', { TOTAL: -1 }, { TOTAL: 1.5 }, { total: 3 }, [72], null];
    expect(notCounts.map(parseCount)).toEqual(notCounts.map(() => null));
  });

  it('read measure values from strings and refuse anything that is not a number (never 0)', () => {
    expect(['26.549', ' -12.5 ', '1e3', '0', 7].map(parseMeasureValue)).toEqual([26.549, -12.5, 1000, 0, 7]);
    expect(['', 'N/A', '12,5', 'NaN', 'Infinity', null, true, {}].map(parseMeasureValue)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('normalise family names whatever their case', () => {
    expect(['Transponder', 'AMPLIFIER', 'ROADM-WSS', 'roadm plc', 'Mux', null].map(normaliseFamily)).toEqual([
      'transponder',
      'amplifier',
      'roadm_wss',
      'roadm_plc',
      'others',
      'others',
    ]);
  });

  it('read the zone-less local time in the NMS`s zone, across a DST change', () => {
    const saoPaulo = nmsTimeReader('America/Sao_Paulo');
    expect(saoPaulo('2026-11-29 18:12:09')).toBe(Date.UTC(2026, 10, 29, 21, 12, 9));
    const newYork = nmsTimeReader('America/New_York');
    expect(newYork('2026-07-01 08:00:00')).toBe(Date.UTC(2026, 6, 1, 12));
    expect(newYork('2026-12-01 08:00:00')).toBe(Date.UTC(2026, 11, 1, 13));
    expect(saoPaulo('29/11/2026 18:12')).toBeNull();
  });

  it('keep a measure`s fields and report the first wrong one', () => {
    const read = nmsTimeReader('UTC');
    const raw = {
      cardUid: 'TM1200G-SA#951',
      locationSite: 'SA',
      cardModel: 'TM1200G',
      cardIsUp: true,
      measureUid: 'TM1200G-SA#951-7260-0',
      measureKey: 7260,
      measureName: 'Pump Power',
      measureResource: 'PUMP',
      measureGroup: 'power',
      measureValue: '26.549',
      port: null,
      update: '2026-01-02 03:04:05',
    };
    expect(parseMeasure(raw, read)).toEqual({
      ok: true,
      record: {
        uid: 'TM1200G-SA#951-7260-0',
        cardUid: 'TM1200G-SA#951',
        site: 'SA',
        cardModel: 'TM1200G',
        cardIsUp: true,
        key: 7260,
        name: 'Pump Power',
        group: 'POWER',
        resource: 'PUMP',
        port: null,
        value: 26.549,
        at: Date.UTC(2026, 0, 2, 3, 4, 5),
      },
    });
    expect(parseMeasure({ ...raw, cardIsUp: 'yes' }, read)).toEqual({
      ok: false,
      reason: 'cardIsUp: wrong type',
    });
    // A key past 2^53 cannot be told from its neighbours, and the contract refuses it (fuzz found it).
    for (const measureKey of [-(2 ** 53), '9007199254740993', 7260.5])
      expect(parseMeasure({ ...raw, measureKey }, read)).toEqual({
        ok: false,
        reason: 'measureKey: wrong type',
      });
  });

  it('look units up by key first, then by group', () => {
    const unitOf = unitLookup(defaultRules.units);
    expect([unitOf(7260, 'POWER'), unitOf(7255, 'POWER'), unitOf(7261, null), unitOf(9999, null)]).toEqual([
      'mW',
      'dBm',
      '°C',
      '',
    ]);
  });
});
