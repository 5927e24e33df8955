import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../../../electron/engine/optical/circuit-breaker';

describe('circuit breaker of an optical endpoint', () => {
  it('opens after three failures in a row, pauses doubling up to the cap, and closes on a success', () => {
    const breaker = new CircuitBreaker(3, 60_000, 150_000);
    breaker.failed(0);
    breaker.failed(1);
    expect([breaker.open, breaker.allows(2)]).toEqual([false, true]);
    breaker.failed(2);
    expect([breaker.open, breaker.retryAt, breaker.allows(60_001)]).toEqual([true, 60_002, false]);
    expect(breaker.allows(60_002)).toBe(true);
    breaker.failed(60_002);
    expect(breaker.retryAt).toBe(60_002 + 120_000);
    breaker.failed(200_000);
    expect(breaker.retryAt).toBe(200_000 + 150_000);
    breaker.succeeded();
    expect([breaker.open, breaker.failures, breaker.allows(200_001)]).toEqual([false, 0, true]);
    breaker.failed(300_000);
    expect(breaker.open).toBe(false);
  });
});
