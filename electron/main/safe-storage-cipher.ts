import { safeStorage } from 'electron';
import type { SecretCipher } from '../engine-proxy/engine-proxy';

const PREFIX = 'os1:';

/**
 * Whether the OS keychain really protects what it seals. On Linux without a keyring, Electron
 * falls back to "basic_text": a hard-coded key, no better than plain text, so the key file is used.
 */
export function keychainProtects(
  platform: NodeJS.Platform,
  available: boolean,
  linuxBackend: () => string,
): boolean {
  if (!available) return false;
  if (platform !== 'linux') return true;
  const backend = linuxBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** Seals secrets with the operating system's keychain (DPAPI on Windows), or null if it cannot. */
export function safeStorageCipher(): SecretCipher | null {
  const usable = keychainProtects(process.platform, safeStorage.isEncryptionAvailable(), () =>
    safeStorage.getSelectedStorageBackend(),
  );
  if (!usable) return null;
  return {
    encrypt: async (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    decrypt: async (sealed) => {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a secret sealed by this computer');
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    },
  };
}
