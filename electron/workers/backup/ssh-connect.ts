import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';
import type { NegotiatedCrypto, SshEndpoint } from '../../../shared/contract/backup-worker';
import { algorithmsFor, weakOf } from './algorithms';
import { BackupError } from './backup-error';

export interface Connection {
  client: Client;
  hostKey: string;
  crypto: NegotiatedCrypto;
}

export interface ConnectOptions {
  endpoint: SshEndpoint;
  legacyCrypto: boolean;
  connectMs: number;
  /** Added to the user name (RouterOS "+ct"). */
  loginSuffix: string;
  /** A channel through a jump host, instead of a TCP connection. */
  sock?: Duplex;
  /** Says which hop failed ("jump host: …"). */
  label: string;
}

/** "SHA256:<base64 without padding>", the fingerprint OpenSSH prints for a host key. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

function classify(error: Error & { level?: string; code?: string }, options: ConnectOptions): BackupError {
  const message = `${options.label}${error.message}`;
  if (error.level === 'client-authentication')
    return new BackupError('auth_failed', options.label.replace(/: $/, ''));
  if (/no matching/i.test(error.message)) {
    return new BackupError(options.legacyCrypto ? 'connect_failed' : 'legacy_crypto_required', message);
  }
  if (/timed out/i.test(error.message)) return new BackupError('connect_timeout', message);
  if (error.code === 'ECONNRESET' || /closed|reset/i.test(error.message)) {
    return new BackupError('connection_lost', message);
  }
  return new BackupError('connect_failed', message);
}

/**
 * Opens an authenticated SSH session: modern algorithms first (and the legacy ones only where the
 * device is marked as needing them), the host key checked against the one trusted before.
 */
export function connect(options: ConnectOptions): Promise<Connection> {
  const { endpoint } = options;
  return new Promise((resolve, reject) => {
    const client = new Client();
    let shownKey: string | null = null;
    let crypto: NegotiatedCrypto | null = null;
    let settled = false;
    const settle = (error: BackupError | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        client.destroy();
        reject(error);
      } else {
        resolve({ client, hostKey: shownKey!, crypto: crypto! });
      }
    };
    client.on('handshake', (negotiated) => {
      const picked = {
        kex: negotiated.kex,
        hostKey: negotiated.serverHostKey,
        cipher: negotiated.cs.cipher,
        mac: negotiated.cs.mac,
      };
      crypto = { ...picked, weak: weakOf(Object.values(picked)) };
    });
    client.on('ready', () => settle(null));
    client.on('error', (error) => {
      if (shownKey && endpoint.knownHostKey && shownKey !== endpoint.knownHostKey) {
        settle(new BackupError('host_key_changed', `${options.label}${endpoint.knownHostKey} → ${shownKey}`));
        return;
      }
      settle(classify(error, options));
    });
    client.on('close', () => settle(new BackupError('connection_lost', options.label.replace(/: $/, ''))));
    const config: ConnectConfig = {
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.username + options.loginSuffix,
      readyTimeout: options.connectMs,
      algorithms: algorithmsFor(options.legacyCrypto),
      // Keyboard-interactive answered with the password too: many devices ask that way.
      tryKeyboard: endpoint.auth.kind === 'password',
      // Straight to the credentials: ssh2 would first ask whether "none" will do, a round trip
      // that every device refuses.
      authHandler: endpoint.auth.kind === 'password' ? ['password', 'keyboard-interactive'] : ['publickey'],
      hostVerifier: (key: Buffer) => {
        shownKey = fingerprint(key);
        return endpoint.knownHostKey === null || endpoint.knownHostKey === shownKey;
      },
      ...(options.sock ? { sock: options.sock } : {}),
      ...(endpoint.auth.kind === 'password'
        ? { password: endpoint.auth.password }
        : {
            privateKey: endpoint.auth.privateKey,
            ...(endpoint.auth.passphrase ? { passphrase: endpoint.auth.passphrase } : {}),
          }),
    };
    if (endpoint.auth.kind === 'password') {
      const password = endpoint.auth.password;
      client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
        finish(prompts.map(() => password)),
      );
    }
    try {
      client.connect(config);
      // A CLI session is small writes answered at once (a pager's space): no Nagle delay.
      client.setNoDelay(true);
    } catch (error) {
      // A private key ssh2 cannot read throws here, not as an event.
      settle(new BackupError('auth_failed', `${options.label}${(error as Error).message}`));
    }
  });
}

/** A channel to `host:port` through an open session (the jump host's direct-tcpip). */
export function forward(via: Client, viaHost: string, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    via.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
      if (error) reject(new BackupError('connect_failed', `${viaHost}: ${error.message}`));
      else resolve(stream);
    });
  });
}
