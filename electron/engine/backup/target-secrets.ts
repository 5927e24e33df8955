import { z } from 'zod';
import {
  BackupProfileId,
  BackupTargetInput,
  GenericProfileInput,
  type BackupSettings,
  type BackupTargetSummary,
} from '../../../shared/contract/backup';
import { BackupJob, SshAuth, type BackupFailure } from '../../../shared/contract/backup-worker';
import { builtInProfiles, genericProfile } from '../../../shared/domain/backup/profiles';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { BackupTargetSettings, StoredBackupTarget } from '../store/repo/backup';
import type { SecretCipher } from '../store/secret-cipher';

/** Everything secret about one target, sealed together. */
const Secrets = z.object({
  auth: SshAuth,
  enableSecret: z.string().nullable(),
  jumpAuth: SshAuth.nullable(),
});
type Secrets = z.infer<typeof Secrets>;

const StoredJump = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  authKind: z.enum(['password', 'key']),
  /** Trusted on first use, like the device's own key; kept while the jump host stays the same. */
  knownHostKey: z.string().nullable().default(null),
  /** A different key the jump host showed, waiting for the operator's word. */
  offeredHostKey: z.string().nullable().default(null),
});
export type StoredJump = z.infer<typeof StoredJump>;

const open = async (cipher: SecretCipher, target: StoredBackupTarget): Promise<Secrets> =>
  Secrets.parse(JSON.parse(await cipher.decrypt(target.sealedSecrets)));

export const jumpOf = (target: StoredBackupTarget): StoredJump | null =>
  target.jump ? StoredJump.parse(JSON.parse(target.jump)) : null;

/** The stored jump with its host keys as given. */
export const jumpWithKeys = (jump: StoredJump, knownHostKey: string | null, offeredHostKey: string | null) =>
  JSON.stringify({ ...jump, knownHostKey, offeredHostKey } satisfies StoredJump);

/**
 * The settings to store for an edit: secrets left out of the input keep their stored values, but
 * only while they go to the same destination (device address, jump host and user); otherwise the
 * operator must type them again.
 */
export async function targetToStore(
  raw: z.input<typeof BackupTargetInput>,
  existing: StoredBackupTarget | null,
  deviceHost: string,
  cipher: SecretCipher,
): Promise<BackupTargetSettings> {
  const input = BackupTargetInput.parse(raw);
  if (input.profile === 'generic' && !input.generic) {
    throw invalidInput('The generic profile needs its prompt and commands.', [
      { path: 'generic', message: 'backup.genericRequired' },
    ]);
  }
  const stored = existing ? await open(cipher, existing) : null;
  const sameDevice =
    existing !== null && existing.boundHost === deviceHost && existing.username === input.username;
  const auth = input.auth ?? (sameDevice ? stored!.auth : null);
  if (!auth) {
    throw invalidInput('Enter the password or key: the address or user changed since they were saved.', [
      { path: 'auth', message: 'backup.secretRequired' },
    ]);
  }
  const enableSecret =
    input.enableSecret !== undefined ? input.enableSecret : sameDevice ? stored!.enableSecret : null;
  let jumpAuth: SshAuth | null = null;
  const before = existing ? jumpOf(existing) : null;
  // The jump host's trusted key belongs to its address: another address starts trusting anew.
  const sameJumpHost =
    input.jump !== null && before?.host === input.jump.host && before.port === input.jump.port;
  if (input.jump) {
    const sameJump = sameJumpHost && before?.username === input.jump.username;
    jumpAuth = input.jump.auth ?? (sameJump ? (stored?.jumpAuth ?? null) : null);
    if (!jumpAuth) {
      throw invalidInput("Enter the jump host's password or key.", [
        { path: 'jump.auth', message: 'backup.secretRequired' },
      ]);
    }
  }
  return {
    deviceId: input.deviceId,
    enabled: input.enabled,
    profile: input.profile,
    genericProfile: input.profile === 'generic' ? JSON.stringify(input.generic) : null,
    port: input.port,
    username: input.username,
    authKind: auth.kind,
    sealedSecrets: await cipher.encrypt(JSON.stringify({ auth, enableSecret, jumpAuth } satisfies Secrets)),
    boundHost: deviceHost,
    jump: input.jump
      ? JSON.stringify({
          host: input.jump.host,
          port: input.jump.port,
          username: input.jump.username,
          authKind: jumpAuth!.kind,
          knownHostKey: sameJumpHost ? before!.knownHostKey : null,
          offeredHostKey: sameJumpHost ? before!.offeredHostKey : null,
        } satisfies StoredJump)
      : null,
    legacyCrypto: input.legacyCrypto,
    maskSecrets: input.maskSecrets,
    schedule: input.schedule,
  };
}

/** What the API returns: whether each secret is set, never the secret. */
export async function targetSummary(
  target: StoredBackupTarget,
  cipher: SecretCipher,
): Promise<BackupTargetSummary> {
  const secrets = await open(cipher, target);
  const jump = jumpOf(target);
  return {
    deviceId: target.deviceId,
    enabled: target.enabled,
    profile: BackupProfileId.parse(target.profile),
    generic: target.genericProfile ? GenericProfileInput.parse(JSON.parse(target.genericProfile)) : null,
    port: target.port,
    username: target.username,
    authKind: target.authKind,
    secretSet: true,
    enableSecretSet: secrets.enableSecret !== null,
    jump: jump
      ? {
          host: jump.host,
          port: jump.port,
          username: jump.username,
          secretSet: secrets.jumpAuth !== null,
          knownHostKey: jump.knownHostKey,
          offeredHostKey: jump.offeredHostKey,
        }
      : null,
    legacyCrypto: target.legacyCrypto,
    maskSecrets: target.maskSecrets,
    schedule: target.schedule,
    boundHost: target.boundHost,
    knownHostKey: target.knownHostKey,
    offeredHostKey: target.offeredHostKey,
  };
}

/**
 * The worker's job for a device, or why there is none: credentials are only ever sent to the
 * address they were entered for.
 */
export async function jobFor(
  target: StoredBackupTarget,
  deviceHost: string,
  settings: BackupSettings,
  cipher: SecretCipher,
): Promise<BackupJob | BackupFailure> {
  if (deviceHost !== target.boundHost) {
    return { code: 'address_changed', detail: `${target.boundHost} → ${deviceHost}` };
  }
  const secrets = await open(cipher, target);
  const jump = jumpOf(target);
  const profile =
    target.profile === 'generic'
      ? genericProfile(GenericProfileInput.parse(JSON.parse(target.genericProfile ?? 'null')))
      : builtInProfiles[BackupProfileId.exclude(['generic']).parse(target.profile)];
  return BackupJob.parse({
    deviceId: target.deviceId,
    target: {
      host: deviceHost,
      port: target.port,
      username: target.username,
      auth: secrets.auth,
      knownHostKey: target.knownHostKey,
    },
    jump:
      jump && secrets.jumpAuth
        ? {
            host: jump.host,
            port: jump.port,
            username: jump.username,
            auth: secrets.jumpAuth,
            knownHostKey: jump.knownHostKey,
          }
        : null,
    enableSecret: secrets.enableSecret,
    profile,
    legacyCrypto: target.legacyCrypto,
    maskSecrets: target.maskSecrets,
    timeouts: {
      connectMs: settings.timeouts.connectS * 1_000,
      stepMs: settings.timeouts.stepS * 1_000,
      jobMs: settings.timeouts.jobS * 1_000,
    },
    retries: settings.retries,
    knownHash: target.currentHash,
  });
}
