import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEngine } from '../../../../electron/engine/start-engine';
import { startTestEngine } from '../../../helpers/test-engine';

// The desktop app seals secrets with Electron's safeStorage (DPAPI on Windows, the keychain
// elsewhere), which needs Electron itself: here it is faked at the module boundary by an
// AES-GCM box keyed per "machine", and the cipher runs inside a real engine (real SQLite).
const keychain = vi.hoisted(() => ({ available: true, key: Buffer.alloc(0), calls: 0 }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    // A real keychain on Linux (the plain-text `basic_text` backend is refused).
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => {
      keychain.calls++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keychain.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (sealed: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', keychain.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  },
}));

const { safeStorageCipher } = await import('../../../../electron/main/safe-storage-cipher');

let running: Awaited<ReturnType<typeof startTestEngine>>;
let engine: RunningEngine;

beforeAll(async () => {
  keychain.key = randomBytes(32);
  running = await startTestEngine('safe-storage', {
    demo: false,
    runtime: 'electron',
    cipher: safeStorageCipher()!,
  });
  engine = running.engine;
});

afterAll(() => running?.stop());

describe("the desktop app's secret sealing", () => {
  it('seals an SNMP community with the OS keychain, stores only that, and never returns it', async () => {
    const device = await engine.call('devices.create', { name: 'OLT', host: '127.0.0.1', kind: 'olt' });
    const before = keychain.calls;
    const summary = await engine.call('snmp.config.set', {
      config: {
        deviceId: device.id,
        enabled: false,
        port: 161,
        credentials: { version: '2c', community: 'c0mun1dade-secreta' },
        intervalS: 60,
      },
    });
    expect(keychain.calls).toBe(before + 1);
    expect(JSON.stringify(summary)).not.toContain('c0mun1dade-secreta');
    const [stored] = await engine.repo.snmp.configs();
    expect(stored!.sealedCredentials).toMatch(/^os1:[A-Za-z0-9+/]+=*$/);
    expect(stored!.sealedCredentials).not.toContain('c0mun1dade');
    expect(JSON.parse(await safeStorageCipher()!.decrypt(stored!.sealedCredentials))).toEqual({
      version: '2c',
      community: 'c0mun1dade-secreta',
    });
  });

  it('refuses a value it did not seal, and another machine cannot open one', async () => {
    const cipher = safeStorageCipher()!;
    await expect(cipher.decrypt('v1:sealed-by-the-key-file')).rejects.toThrow(
      'not a secret sealed by this computer',
    );
    const sealed = await cipher.encrypt('token');
    keychain.key = randomBytes(32);
    await expect(safeStorageCipher()!.decrypt(sealed)).rejects.toThrow();
  });

  it('is not offered when the OS keychain cannot encrypt, so the key file is used instead', () => {
    keychain.available = false;
    expect(safeStorageCipher()).toBeNull();
    keychain.available = true;
  });
});
