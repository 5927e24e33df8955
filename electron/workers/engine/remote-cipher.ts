import type { CipherOperation, EngineMessage } from '../../../shared/contract/engine-process';
import type { SecretCipher } from '../../engine/store/secret-cipher';

/** How long the host may take to seal or open one secret before the engine gives up on it. */
const CIPHER_TIMEOUT_MS = 30_000;

/**
 * The host's cipher (the OS keychain, which only Electron's main process can reach) seen from the
 * engine's process: each seal or open is one request over the port, answered by `settle`.
 */
export function remoteCipher(send: (message: EngineMessage) => void): {
  cipher: SecretCipher;
  settle(id: number, text: string | null, error: string | null): void;
} {
  const pending = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  let nextId = 1;
  const request = (op: CipherOperation, text: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the secret could not be ${op}ed: the app did not answer`));
      }, CIPHER_TIMEOUT_MS);
      pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      send({ kind: 'cipher', id, op, text });
    });
  return {
    cipher: {
      encrypt: (plain) => request('encrypt', plain),
      decrypt: (sealed) => request('decrypt', sealed),
    },
    settle(id, text, error) {
      const waiter = pending.get(id);
      if (!waiter) return;
      pending.delete(id);
      if (text !== null) waiter.resolve(text);
      else waiter.reject(new Error(error ?? 'the secret could not be sealed or opened'));
    },
  };
}
