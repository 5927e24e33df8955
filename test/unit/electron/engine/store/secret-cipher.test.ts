import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../../../electron/engine/store/secret-cipher';

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
  it('seals and opens secrets, never storing them in clear, with a private key file', async () => {
    const cipher = createFileKeyCipher(dir);
    const sealed = await cipher.encrypt('123456:telegram-bot-token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('telegram');
    expect(await cipher.encrypt('same')).not.toBe(await cipher.encrypt('same'));
    expect(await cipher.decrypt(sealed)).toBe('123456:telegram-bot-token');
    expectOnlyOwnerCanRead(join(dir, 'secret.key'));
    expect(await createFileKeyCipher(dir).decrypt(sealed)).toBe('123456:telegram-bot-token');
    expect(readFileSync(join(dir, 'secret.key'))).toHaveLength(32);
  });

  it('refuses a tampered value or another key with a clear error', async () => {
    const sealed = await createFileKeyCipher(dir).encrypt('community-secret');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(createFileKeyCipher(dir).decrypt(tampered)).rejects.toThrow(/could not be opened/);
    const otherDir = mkdtempSync(join(tmpdir(), 'vigia-cipher-other-'));
    await expect(createFileKeyCipher(otherDir).decrypt(sealed)).rejects.toThrow(/could not be opened/);
    rmSync(otherDir, { recursive: true, force: true });
    await expect(createFileKeyCipher(dir).decrypt('plain text')).rejects.toThrow(/not a sealed/);
  });
});
