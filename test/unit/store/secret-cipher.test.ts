import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../electron/engine/store/secret-cipher';

const dir = mkdtempSync(join(tmpdir(), 'vigia-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file-key secret cipher', () => {
  it('seals and opens secrets, never storing them in clear, with a private key file', async () => {
    const cipher = createFileKeyCipher(dir);
    const sealed = await cipher.encrypt('123456:telegram-bot-token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('telegram');
    expect(await cipher.encrypt('same')).not.toBe(await cipher.encrypt('same'));
    expect(await cipher.decrypt(sealed)).toBe('123456:telegram-bot-token');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
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
