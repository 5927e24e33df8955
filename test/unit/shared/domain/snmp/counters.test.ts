import { describe, expect, it } from 'vitest';
import { computeRates, counterDelta, type CounterSnapshot } from '../../../../../shared/domain/snmp/counters';

describe('counterDelta', () => {
  it.each([
    { previous: '100', current: '250', bits: 32 as const, expected: 150n },
    { previous: '4294967000', current: '200', bits: 32 as const, expected: 496n },
    { previous: '18446744073709551000', current: '10', bits: 64 as const, expected: null },
    { previous: null, current: '10', bits: 64 as const, expected: null },
    { previous: '5', current: '5', bits: 64 as const, expected: 0n },
  ])('$previous → $current ($bits-bit) = $expected', ({ previous, current, bits, expected }) => {
    expect(counterDelta(previous, current, bits)).toBe(expected);
  });
});

const snapshot = (at: number, uptimeCs: number, inOctets: string, hc = true): CounterSnapshot => ({
  at,
  uptimeCs,
  counters: [
    {
      index: 1,
      operUp: true,
      hc,
      inOctets,
      outOctets: '0',
      inErrors: '10',
      outErrors: '0',
      inDiscards: '0',
      outDiscards: '0',
    },
  ],
});

describe('computeRates', () => {
  const speeds = new Map([[1, 100]]);

  it('gives bits per second and utilisation against the interface speed', () => {
    const outcome = computeRates(snapshot(0, 100, '0'), snapshot(60_000, 6_100, '375000000'), speeds);
    expect(outcome).toMatchObject({
      kind: 'rates',
      rates: [{ inBps: 50_000_000, utilizationPct: 50, inErrorsPerSec: 0 }],
    });
  });

  it('treats sysUpTime going back as a reboot', () => {
    expect(computeRates(snapshot(0, 100_000, '900'), snapshot(60_000, 50, '10'), speeds)).toEqual({
      kind: 'reset',
      reason: 'reboot',
    });
  });

  it('drops a rate beyond the line speed as a silent counter reset, not a spike', () => {
    const outcome = computeRates(snapshot(0, 100, '0'), snapshot(1_000, 200, '900000000'), speeds);
    expect(outcome).toMatchObject({ kind: 'rates', rates: [{ inBps: null, utilizationPct: null }] });
  });

  it('needs time to pass', () => {
    expect(computeRates(snapshot(5, 1, '0'), snapshot(5, 2, '0'), speeds)).toEqual({
      kind: 'reset',
      reason: 'no-interval',
    });
  });
});
