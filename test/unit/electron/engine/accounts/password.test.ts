import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../../../electron/engine/accounts/password';

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a random salt and the key; verifies only the same password', async () => {
    const first = await hashPassword('senha-do-noc-2026');
    const second = await hashPassword('senha-do-noc-2026', { N: 1024, r: 8, p: 1 });
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(await verifyPassword('senha-do-noc-2026', first)).toBe(true);
    expect(await verifyPassword('senha-do-noc-2027', second)).toBe(false);
    expect(await verifyPassword('', second)).toBe(false);
  });

  it('is memory-hard: 128·N·r bytes per guess, 32 MiB with the defaults', () => {
    expect(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r).toBe(32 * 1024 * 1024);
    expect(DEFAULT_SCRYPT.p).toBe(3);
  });

  it('treats text in either Unicode form as the same password', async () => {
    const composed = 'operação'.normalize('NFC');
    const decomposed = 'operação'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(await verifyPassword(decomposed, await hashPassword(composed, { N: 1024, r: 8, p: 1 }))).toBe(
      true,
    );
  });

  it('matches nothing against a malformed or hostile hash, and asks to re-hash old parameters', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$a$b', 'scrypt$1048577$8$1$AAAA$AAAA', 'bcrypt$x$y$z$a$b'])
      expect(await verifyPassword('x', bad)).toBe(false);
    const first = await hashPassword('senha-nova-1234');
    const weak = await hashPassword('senha-antiga-123', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('senha-antiga-123', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(first)).toBe(false);
  });
});
