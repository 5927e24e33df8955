import type { Algorithms } from 'ssh2';

// Modern algorithms, in the order offered: every current device settles on the first ones.
const modern = {
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group14-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
  ],
  serverHostKey: [
    'ssh-ed25519',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
  ],
  cipher: [
    'aes128-gcm@openssh.com',
    'aes256-gcm@openssh.com',
    'chacha20-poly1305@openssh.com',
    'aes128-ctr',
    'aes192-ctr',
    'aes256-ctr',
  ],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'],
} as const;

// What old gear (IOS 12, early VRP, RouterOS 6, airOS 5) may offer and nothing better: offered last,
// and only to devices the operator marked as needing it.
const legacy = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1', 'hmac-sha1-etm@openssh.com', 'hmac-md5'],
} as const;

const weak = new Set<string>([...legacy.kex, ...legacy.serverHostKey, ...legacy.cipher, ...legacy.hmac]);

export function algorithmsFor(legacyCrypto: boolean): Algorithms {
  const offer = (kind: keyof typeof modern) =>
    legacyCrypto ? [...modern[kind], ...legacy[kind]] : [...modern[kind]];
  return {
    kex: offer('kex') as Algorithms['kex'],
    serverHostKey: offer('serverHostKey') as Algorithms['serverHostKey'],
    cipher: offer('cipher') as Algorithms['cipher'],
    hmac: offer('hmac') as Algorithms['hmac'],
    compress: ['none'],
  };
}

/** The ones of these negotiated algorithms that are weak. */
export function weakOf(names: readonly string[]): string[] {
  return names.filter((name) => weak.has(name));
}
