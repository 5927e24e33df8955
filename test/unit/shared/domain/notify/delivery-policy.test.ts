import { describe, expect, it } from 'vitest';
import { backoffMs, CircuitBreaker, TokenBucket } from '../../../../../shared/domain/notify/delivery-policy';

describe('delivery policy', () => {
  it('backs off exponentially with jitter, up to a ceiling', () => {
    const rule = { baseMs: 1_000, maxMs: 60_000 };
    expect(backoffMs(0, rule, 0)).toBe(500);
    expect(backoffMs(3, rule, 0.999)).toBeLessThanOrEqual(8_000);
    expect(backoffMs(3, rule, 0)).toBe(4_000);
    expect(backoffMs(30, rule, 0.5)).toBeLessThanOrEqual(60_000);
  });

  it('paces a destination with a token bucket', () => {
    const bucket = new TokenBucket(3, 20 / 60_000, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.waitMs(0)).toBe(3_000);
    expect(bucket.waitMs(3_000)).toBe(0);
  });

  it('opens the breaker after repeated failures, lets one probe through later, and closes on success', () => {
    const breaker = new CircuitBreaker({ failures: 3, openMs: 10_000 });
    breaker.failed(0);
    breaker.failed(1);
    expect(breaker.state(1)).toBe('closed');
    breaker.failed(2);
    expect(breaker.state(3)).toBe('open');
    expect(breaker.retryInMs(3)).toBe(9_999);
    expect(breaker.state(10_002)).toBe('half-open');
    breaker.failed(10_002);
    expect(breaker.state(10_003)).toBe('open');
    breaker.succeeded();
    expect(breaker.state(10_004)).toBe('closed');
  });
});
