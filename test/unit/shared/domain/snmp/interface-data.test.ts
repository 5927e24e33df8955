import { describe, expect, it } from 'vitest';
import {
  hcCountersUsable,
  interfaceIndex,
  interfaceSpeedMbps,
} from '../../../../../shared/domain/snmp/interface-data';

describe('interface speed from what the agent gave', () => {
  it.each([
    [1_000_000_000, 1000, 1000],
    [4_294_967_295, 10_000, 10_000],
    [4_294_967_295, null, 0],
    [0, 0, 0],
    [0, 2500, 2500],
    [54_000_000, null, 54],
    [512_000, 0, 0.512],
    [null, null, 0],
  ])('ifSpeed %s, ifHighSpeed %s → %s Mbit/s', (ifSpeed, ifHighSpeed, expected) => {
    expect(interfaceSpeedMbps(ifSpeed, ifHighSpeed)).toBe(expected);
  });
});

describe('whether the 64-bit counters can be trusted', () => {
  it('uses them when present in both directions for every interface', () => {
    expect(hcCountersUsable({ in: ['5', '0'], out: ['7', '0'] }, ['5', '0'])).toBe(true);
    expect(hcCountersUsable({ in: ['0'], out: ['0'] }, ['0'])).toBe(true);
  });
  it('not when the agent has none, or some only (a view that ends mid-table)', () => {
    expect(hcCountersUsable({ in: [], out: [] }, ['5'])).toBe(false);
    expect(hcCountersUsable({ in: ['5', '6'], out: [] }, ['5', '6'])).toBe(false);
    expect(hcCountersUsable({ in: ['5'], out: ['5'] }, ['5', '6'])).toBe(false);
    expect(hcCountersUsable({ in: [null, null], out: ['1', '2'] }, ['1', '2'])).toBe(false);
  });
  it('not when they stick at zero while the 32-bit ones count', () => {
    expect(hcCountersUsable({ in: ['0', '0'], out: ['0', '0'] }, ['987654', '0'])).toBe(false);
  });
});

describe('an interface index from what the agent gave', () => {
  it('reads a whole number ≥ 0, and nothing a number cannot hold exactly', () => {
    expect(['0', '3', '4294967295'].map(interfaceIndex)).toEqual([0, 3, 4_294_967_295]);
    expect(['-1', '2.5', 'x', '9007199254740993'].map(interfaceIndex)).toEqual([null, null, null, null]);
  });
});
