import fc from 'fast-check';
import type * as snmp from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { asCounter, asNumber, asOid, asText } from '../../electron/workers/snmp/values';
import { RUNS } from './arbitraries';

// What an SNMP agent answers is untrusted: truncated, of another type than asked, or huge. The
// poller's readers turn any varbind into a value of their type (or empty/null), never throw.
const value = fc.oneof(
  fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)),
  fc.uint8Array({ minLength: 100_000, maxLength: 200_000 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 10_000, maxLength: 30_000 }),
  fc.double(),
  fc.bigInt(),
  fc.integer(),
  fc.constantFrom(null, undefined, true, {}, [], Number.NaN, Infinity),
);
const varbind = fc.oneof(
  fc.record({ oid: fc.string({ maxLength: 40 }), type: fc.integer({ min: 0, max: 200 }), value }),
  fc.constantFrom(null, undefined),
) as fc.Arbitrary<snmp.Varbind | null | undefined>;

describe('fuzz: SNMP values into the poller', () => {
  it('reads any varbind as bounded text, a finite number or null, and a decimal counter or null', () => {
    fc.assert(
      fc.property(varbind, (vb) => {
        const text = asText(vb);
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(1_024);
        expect(asOid(vb).length).toBeLessThanOrEqual(1_024);
        const number = asNumber(vb);
        expect(number === null || Number.isFinite(number) || typeof vb?.value === 'bigint').toBe(true);
        const counter = asCounter(vb);
        if (counter !== null) {
          expect(counter).toMatch(/^\d+$/);
          expect(BigInt(counter) < 2n ** 64n).toBe(true);
        }
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});
