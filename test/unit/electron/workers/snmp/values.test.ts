import fc from 'fast-check';
import type * as snmp from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { asCounter, asNumber, asOid, asText } from '../../../../../electron/workers/snmp/values';

/** Whatever an agent (or something posing as one) may put in a varbind's value. */
const anyValue = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(null, undefined, true, {}, []),
);
const varbind = (value: unknown) =>
  ({ oid: '1.3.6.1.2.1.2.2.1.10.1', type: 70, value }) as unknown as snmp.Varbind;

describe('SNMP values from untrusted agents', () => {
  it('come out as their type or as nothing, whatever arrives', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const text = asText(varbind(value));
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(1_024);
        const number = asNumber(varbind(value));
        if (number !== null) expect(Number.isFinite(number)).toBe(true);
        const counter = asCounter(varbind(value));
        if (counter !== null) {
          expect(counter).toMatch(/^\d+$/);
          expect(BigInt(counter) < 2n ** 64n).toBe(true);
        }
        expect(typeof asOid(varbind(value))).toBe('string');
      }),
      { numRuns: 2_000 },
    );
  });

  it('read Counter64 of any length up to 8 octets, and refuse longer ones cheaply', () => {
    expect(asCounter(varbind(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])))).toBe(
      '18446744073709551615',
    );
    expect(asCounter(varbind(Buffer.from([0x01, 0x00])))).toBe('256');
    const huge = Buffer.alloc(4 * 1024 * 1024, 0xff);
    const startedAt = performance.now();
    expect(asCounter(varbind(huge))).toBeNull();
    expect(asNumber(varbind(huge))).toBeNull();
    expect(asText(varbind(huge)).length).toBe(1_024);
    // Refused without reading it: converting 4 MB of octets would take seconds, not this.
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(asNumber(varbind(Number.NaN))).toBeNull();
    expect(asCounter(varbind(-1))).toBeNull();
  });
});

describe('SNMP values as old gear sends them', () => {
  const typed = (type: number, value: unknown) =>
    ({ oid: '1.3.6.1.2.1.2.2.1.2.1', type, value }) as snmp.Varbind;

  it('reads Latin-1 descriptions as Latin-1, and UTF-8 as UTF-8', () => {
    expect(asText(typed(4, Buffer.from('52e164696f20352047487a', 'hex')))).toBe('Rádio 5 GHz');
    expect(asText(typed(4, Buffer.from('Rádio 5 GHz', 'utf8')))).toBe('Rádio 5 GHz');
    expect(asText(typed(4, Buffer.from('eth0\0\0', 'latin1')))).toBe('eth0');
  });

  it('does not take an OCTET STRING for a counter, but reads a number sent as text', () => {
    expect(asCounter(typed(4, Buffer.from([0x01, 0x00])))).toBeNull();
    expect(asCounter(typed(65, 4_294_967_295))).toBe('4294967295');
    expect(asNumber(typed(4, Buffer.from('-71')))).toBe(-71);
    expect(asNumber(typed(4, Buffer.from('n/a')))).toBeNull();
    expect(asNumber(typed(6, '1.3.6.1'))).toBeNull();
  });
});
