import { describe, expect, it } from 'vitest';
import { SessionTable } from '../../../../../electron/engine/accounts/sessions';

describe('engine sessions', () => {
  it('expire after their lifetime, end one by one or all of a user but one', () => {
    let now = 1_000;
    const sessions = new SessionTable(() => now, 60_000);
    const first = sessions.issue(1);
    const second = sessions.issue(1);
    const other = sessions.issue(2);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(sessions.get(first)).toEqual({ userId: 1, issuedAt: 1_000, expiresAt: 61_000 });
    sessions.endAllOf(1, second);
    expect(sessions.get(first)).toBeNull();
    expect(sessions.get(second)).not.toBeNull();
    sessions.end(second);
    expect(sessions.get(second)).toBeNull();
    now += 59_999;
    expect(sessions.get(other)).not.toBeNull();
    now += 1;
    expect(sessions.get(other)).toBeNull();
    expect(sessions.get('made-up')).toBeNull();
  });
});
