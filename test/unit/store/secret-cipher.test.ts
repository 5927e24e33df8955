import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../electron/engine/store/secret-cipher';

const dir = mkdtempSync(join(tmpdir(), 'vigia-cipher-'));

/**
 * POSIX: mode 0600. Windows has no file modes (Node reports 0o666 whatever was asked): there the
 * key file is private through its ACL, inherited from the user's profile folder — no grant to
 * Everyone, Users or Authenticated Users, as icacls lists it.
 */
function expectOnlyOwnerCanRead(file: string): void {
  if (process.platform !== 'win32') {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    return;
  }
  const acl = execFileSync('icacls', [file], { encoding: 'utf8' });
  expect(acl).toContain(file);
  expect(acl).not.toMatch(/\b(Everyone|BUILTIN\\Users|Authenticated Users|Todos|Usuários)\b/i);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file-key secret cipher', () => {
  it('seals and opens secrets, never storing them in clear, with a private key file', () => {
    const cipher = createFileKeyCipher(dir);
    const sealed = cipher.encrypt('123456:telegram-bot-token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('telegram');
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
    expect(cipher.decrypt(sealed)).toBe('123456:telegram-bot-token');
    expectOnlyOwnerCanRead(join(dir, 'secret.key'));
    expect(createFileKeyCipher(dir).decrypt(sealed)).toBe('123456:telegram-bot-token');
    expect(readFileSync(join(dir, 'secret.key'))).toHaveLength(32);
  });

  it('refuses a tampered value or another key with a clear error', () => {
    const sealed = createFileKeyCipher(dir).encrypt('community-secret');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => createFileKeyCipher(dir).decrypt(tampered)).toThrow(/could not be opened/);
    const otherDir = mkdtempSync(join(tmpdir(), 'vigia-cipher-other-'));
    expect(() => createFileKeyCipher(otherDir).decrypt(sealed)).toThrow(/could not be opened/);
    rmSync(otherDir, { recursive: true, force: true });
    expect(() => createFileKeyCipher(dir).decrypt('plain text')).toThrow(/not a sealed/);
  });
});
