import { describe, expect, it } from 'vitest';
import type { ThresholdRule } from '../../../../../shared/contract/optical';
import type { VendorAlarmRecord } from '../../../../../shared/contract/optical-worker';
import {
  evaluateMeasures,
  mirrorVendorAlarms,
  previewRule,
  thresholdBreach,
  type MeasureContext,
  type MeasureNow,
  type OpticalAlarm,
} from '../../../../../shared/domain/optical/alarm-rules';
import { defaultRules } from '../../../../../shared/domain/optical/defaults';
import { RateWindow } from '../../../../../shared/domain/optical/rate-window';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const above: ThresholdRule = {
  id: 'out-high',
  cardModel: 'LOA-BA17',
  measureKey: 7256,
  condition: 'ABOVE',
  min: null,
  max: 24,
  hysteresis: 0.5,
  severity: 'major',
  enabled: true,
};

function measure(fields: Partial<MeasureNow> = {}): MeasureNow {
  return {
    uid: 'LOA-BA17-A#1-7256-0',
    cardUid: 'LOA-BA17-A#1',
    site: 'CGE-CENTRO',
    cardModel: 'LOA-BA17',
    key: 7256,
    name: 'OUT Line Power',
    group: 'POWER',
    unit: 'dBm',
    value: 17,
    at: NOW - 30_000,
    collectedAt: NOW,
    cardIsUp: true,
    ...fields,
  };
}

function context(fields: Partial<MeasureContext> = {}): MeasureContext {
  return {
    endpointId: 1,
    rules: { ...defaultRules, thresholds: [above] },
    now: NOW,
    wasOpen: () => false,
    windowMax: () => null,
    towerOf: (site) => (site === 'CGE-CENTRO' ? 9 : null),
    ...fields,
  };
}

/** Runs rounds over a series of values, feeding each round's alarms back as "open". */
function rounds(values: number[], ctx: Partial<MeasureContext> = {}): string[][] {
  let open = new Set<string>();
  return values.map((value) => {
    const alarms = evaluateMeasures(
      [measure({ value })],
      context({ wasOpen: (ref) => open.has(ref), ...ctx }),
    );
    open = new Set(alarms.map((alarm) => alarm.subject.ref));
    return alarms.map((alarm) => alarm.type);
  });
}

describe('optical threshold rules', () => {
  it('raise above the limit and clear only once back by the hysteresis: no flapping at the threshold', () => {
    expect(rounds([23.9, 24.1, 23.9, 24.05, 23.6, 23.5, 24.0])).toEqual([
      [],
      ['threshold_high'],
      ['threshold_high'],
      ['threshold_high'],
      ['threshold_high'],
      [],
      [],
    ]);
  });

  it('hold a BELOW alarm until the value is back above min + hysteresis, and RANGE on both sides', () => {
    const below: ThresholdRule = { ...above, id: 'in-low', condition: 'BELOW', min: -18, max: null };
    expect(thresholdBreach(below, -18.1, false)).toBe('low');
    expect(thresholdBreach(below, -17.6, true)).toBe('low');
    expect(thresholdBreach(below, -17.5, true)).toBeNull();
    const range: ThresholdRule = { ...above, condition: 'RANGE', min: 8, max: 35 };
    expect([7.9, 8, 35, 35.1].map((value) => thresholdBreach(range, value, false))).toEqual([
      'low',
      null,
      null,
      'high',
    ]);
  });

  it('give the alarm its facts and the tower the site is mapped to, never a sentence', () => {
    const [alarm] = evaluateMeasures([measure({ value: 25 })], context());
    expect(alarm).toEqual<OpticalAlarm>({
      source: 'optical',
      type: 'threshold_high',
      subject: { deviceId: null, towerId: 9, ref: 'optical:1:measure:LOA-BA17-A#1-7256-0:out-high' },
      severity: 'major',
      params: {
        site: 'CGE-CENTRO',
        cardUid: 'LOA-BA17-A#1',
        model: 'LOA-BA17',
        measure: 'OUT Line Power',
        unit: 'dBm',
        limit: 24,
        rule: 'out-high',
      },
    });
  });

  it('apply a rule only to its card model: another model with the same key is not judged by it', () => {
    expect(evaluateMeasures([measure({ value: 26.5, cardModel: 'TM1200G' })], context())).toEqual([]);
  });

  it('preview which current measures a rule would alarm', () => {
    const measures = [
      measure({ uid: 'a', value: 25 }),
      measure({ uid: 'b', value: 20 }),
      measure({ uid: 'c', value: 30, cardModel: 'X' }),
    ];
    expect(previewRule({ ...above, enabled: false }, measures).map((hit) => hit.uid)).toEqual(['a']);
  });
});

describe('optical rate of change', () => {
  it('raise on a fall of more than 3 dB within the hour, with hysteresis on the way back', () => {
    const window = new RateWindow(3_600_000);
    const series = [-12, -12.5, -13.5, -15.2, -15.0, -14.6, -14.4];
    let open = new Set<string>();
    const types = series.map((value, minute) => {
      const at = NOW + minute * 60_000;
      window.record('u', at, value);
      const alarms = evaluateMeasures(
        [measure({ uid: 'u', key: 7255, value, at })],
        context({ now: at, wasOpen: (ref) => open.has(ref), windowMax: (uid) => window.maxAt(uid, at) }),
      );
      open = new Set(alarms.map((alarm) => alarm.subject.ref));
      return alarms.map((alarm) => alarm.type).join();
    });
    // −12 → −15.2 is a 3.2 dB fall; back to −14.6 (2.6 dB) it still holds, −14.4 (2.4 dB) clears.
    expect(types).toEqual(['', '', '', 'rate', 'rate', 'rate', '']);
  });

  it('forget what is older than the window, and never judge measures in linear units', () => {
    const window = new RateWindow(3_600_000);
    window.record('u', NOW, -10);
    expect(window.maxAt('u', NOW + 30 * 60_000)).toBe(-10);
    expect(window.maxAt('u', NOW + 70 * 60_000)).toBeNull();
    const pump = measure({ key: 7260, unit: 'mW', value: 10 });
    expect(evaluateMeasures([pump], context({ windowMax: () => 26 }))).toEqual([]);
  });
});

describe('optical card state', () => {
  it('raise card down alone for a card that is down, not its measures too', () => {
    const alarms = evaluateMeasures([measure({ value: 30, cardIsUp: false })], context());
    expect(alarms.map((alarm) => [alarm.type, alarm.severity, alarm.subject.ref])).toEqual([
      ['card_down', 'critical', 'optical:1:card:LOA-BA17-A#1:down'],
    ]);
  });

  it('raise stale data when a card`s measures were not updated for 5 minutes', () => {
    const fresh = evaluateMeasures([measure({ at: NOW - 4 * 60_000 })], context());
    const stale = evaluateMeasures([measure({ at: NOW - 5 * 60_000 - 1 })], context());
    expect(fresh).toEqual([]);
    expect(stale.map((alarm) => [alarm.type, alarm.params.minutes])).toEqual([['stale', 5]]);
  });
});

describe('vendor alarms', () => {
  const record = (fields: Partial<VendorAlarmRecord>): VendorAlarmRecord => ({
    cardUid: 'TM1200G-SA#951',
    site: 'CGE-CENTRO',
    cardModel: 'TM1200G',
    oid: '1.3.6.1.4.1.9000.1',
    name: 'LOS',
    group: 'LOS',
    resource: 'LINE IN',
    port: null,
    severity: 'CRITICAL',
    isActive: true,
    startAt: NOW,
    endAt: null,
    ...fields,
  });

  it('mirror active ones with their severity and drop the ones the vendor cleared', () => {
    const alarms = mirrorVendorAlarms(
      3,
      [
        record({}),
        record({ oid: '2', severity: 'WARNING', name: 'TEMPERATURE' }),
        record({ oid: '3', severity: 'CLEARED', isActive: false }),
        record({ oid: '4', severity: 'UNKNOWN' }),
      ],
      () => 9,
    );
    expect(alarms.map((alarm) => [alarm.subject.ref, alarm.severity, alarm.params.vendorSeverity])).toEqual([
      ['optical:3:vendor:1.3.6.1.4.1.9000.1', 'critical', 'CRITICAL'],
      ['optical:3:vendor:2', 'warning', 'WARNING'],
      ['optical:3:vendor:4', 'info', 'UNKNOWN'],
    ]);
  });
});
