import { safeStorage } from 'electron';
import type { SecretCipher } from '../engine-proxy/engine-proxy';

const PREFIX = 'os1:';

/** Seals secrets with the operating system's keychain (DPAPI on Windows). */
export function safeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    encrypt: async (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    decrypt: async (sealed) => {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a secret sealed by this computer');
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    },
  };
}
