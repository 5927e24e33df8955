import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OpticalCardRecord,
  OpticalMeasureRecord,
  VendorAlarmRecord,
} from '../../shared/contract/optical-worker';
import { parseCard, parseMeasure, parseVendorAlarm } from '../../shared/domain/optical/records';
import { nmsTimeReader } from '../../shared/domain/optical/nms-time';
import { hostileValue, mutated, RUNS } from './arbitraries';

// The Padtec Smart API's JSON records, one by one as the collector reads its pages: any record,
// valid, near-valid or garbage, is either a record the contract accepts or a reason to drop it.
const readTime = nmsTimeReader('America/Recife');
const where = { cardUid: 'c-1', locationSite: 'RECIFE', cardModel: 'TM400' };
const card = {
  ...where,
  cardName: 'T1',
  cardPart: 'p',
  cardSerial: 's',
  cardFirmwareVersion: '1',
  cardIsActive: true,
  cardFamily: 'transponder',
  updatedAt: '2026-01-02 03:04:05',
};
const measure = {
  ...where,
  measureUid: 'm-1',
  measureKey: 3,
  measureValue: '-12.5',
  cardIsUp: true,
  measureName: 'Rx',
  measureGroup: 'osc',
  measureResource: 'r',
  port: 'P1',
  updatedAt: '2026-01-02 03:04:05',
};
const alarm = {
  ...where,
  alarmName: 'LOS',
  alarmIsActive: true,
  alarmOid: '1.3',
  alarmGroup: 'g',
  alarmResource: 'r',
  port: 'P1',
  alarmSeverity: 'MAJOR',
  updatedAt: '2026-01-02 03:04:05',
};

const cases = [
  ['card', parseCard, card, OpticalCardRecord],
  ['measure', parseMeasure, measure, OpticalMeasureRecord],
  ['vendor alarm', parseVendorAlarm, alarm, VendorAlarmRecord],
] as const;

describe('fuzz: Padtec optical JSON', () => {
  for (const [name, parse, valid, schema] of cases)
    it(`parses any ${name} record into a contract record or a reason`, () => {
      expect(parse(valid, readTime).ok).toBe(true);
      fc.assert(
        fc.property(fc.oneof(hostileValue, mutated(valid)), (raw) => {
          const parsed = parse(raw, readTime);
          if (parsed.ok) expect(schema.safeParse(parsed.record).success).toBe(true);
          else expect(parsed.reason.length).toBeGreaterThan(0);
        }),
        RUNS,
      );
    });
});
