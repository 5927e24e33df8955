import { describe, expect, it } from 'vitest';
import { TrapRateLimiter } from '../../../../../shared/domain/snmp/trap-rate';

describe('per-source trap budget', () => {
  it('lets a burst through, then the sustained rate, per source', () => {
    const limiter = new TrapRateLimiter(2, 3);
    const at = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1', at))).toEqual([true, true, true, false]);
    // Another source keeps its own budget during the first one's flood.
    expect(limiter.allow('10.0.0.2', at)).toBe(true);
    expect(limiter.allow('10.0.0.1', at + 499)).toBe(false);
    expect(limiter.allow('10.0.0.1', at + 500)).toBe(true);
  });
});
