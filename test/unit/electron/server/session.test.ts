import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../../electron/server/login-limiter';
import { readCookie, Sessions } from '../../../../electron/server/session';

describe('sessions', () => {
  it('expire after their lifetime and end at logout', () => {
    let now = 1_000;
    const sessions = new Sessions(60_000, () => now);
    const first = sessions.create();
    const second = sessions.create();
    expect(first).not.toBe(second);
    expect(sessions.valid(first)).toBe(true);
    sessions.revoke(second);
    expect(sessions.valid(second)).toBe(false);
    now += 59_999;
    expect(sessions.valid(first)).toBe(true);
    now += 1;
    expect(sessions.valid(first)).toBe(false);
    expect(sessions.valid(null)).toBe(false);
    expect(sessions.valid('made-up')).toBe(false);
  });

  it('are read from the Cookie header by name only', () => {
    expect(readCookie('a=1; vigia_session=abc; b=2', 'vigia_session')).toBe('abc');
    expect(readCookie('xvigia_session=abc', 'vigia_session')).toBeNull();
    expect(readCookie(undefined, 'vigia_session')).toBeNull();
  });
});

describe('failed sign-ins', () => {
  it('block an address after five within the window, until the window ends', () => {
    let now = 0;
    const limiter = new LoginLimiter(5, 900_000, () => now);
    for (let i = 0; i < 4; i++) limiter.failed('10.0.0.9');
    expect(limiter.blockedFor('10.0.0.9')).toBe(0);
    limiter.failed('10.0.0.9');
    expect(limiter.blockedFor('10.0.0.9')).toBe(900_000);
    expect(limiter.blockedFor('10.0.0.10')).toBe(0);
    now = 899_999;
    expect(limiter.blockedFor('10.0.0.9')).toBe(1);
    now = 900_000;
    expect(limiter.blockedFor('10.0.0.9')).toBe(0);
    limiter.failed('10.0.0.9');
    limiter.succeeded('10.0.0.9');
    expect(limiter.blockedFor('10.0.0.9')).toBe(0);
  });
});
