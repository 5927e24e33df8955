import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../electron/engine/store/secret-cipher';

const dir = mkdtempSync(join(tmpdir(), 'vigia-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file-key secret cipher', () => {
  it('seals and opens secrets, never storing them in clear, with a private key file', () => {
    const cipher = createFileKeyCipher(dir);
    const sealed = cipher.encrypt('123456:telegram-bot-token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('telegram');
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
    expect(cipher.decrypt(sealed)).toBe('123456:telegram-bot-token');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
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
