import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restrictToCurrentUser } from './key-file-acl';

/**
 * Seals secrets (SSH passwords, SNMPv3 keys, the Telegram token) before they are stored. The
 * desktop app uses the OS keychain through Electron's safeStorage, which only its main process can
 * reach, so the engine's process asks for it over its port: hence asynchronous. Headless, a key file.
 */
export interface SecretCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

const VERSION = 'v1';
const KEY_FILE = 'secret.key';

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key` (mode 0600; on Windows an ACL for
 * the current user only), made on first use.
 * Sealed values read `v1:<base64 of iv | tag | ciphertext>`; a tampered value fails to open.
 */
export function createFileKeyCipher(dataDir: string): SecretCipher {
  mkdirSync(dataDir, { recursive: true });
  const keyFile = join(dataDir, KEY_FILE);
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  restrictToCurrentUser(keyFile);
  const key = readFileSync(keyFile);
  if (key.length !== 32) throw new Error(`${keyFile} is not a Vigia key (expected 32 bytes)`);
  return {
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    async decrypt(sealed) {
      const [version, payload] = sealed.split(':', 2);
      if (version !== VERSION || !payload) throw new Error('not a sealed Vigia secret');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('a stored secret could not be opened (wrong key file or damaged value)');
      }
    },
  };
}
