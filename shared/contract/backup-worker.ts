import { z } from 'zod';
import type { WorkerApi } from './worker';

/**
 * How to talk to one family of devices over an interactive SSH shell. Patterns are regular
 * expression sources (JSON-safe), compiled where they are used.
 */
export const BackupProfileSpec = z.object({
  id: z.string().min(1).max(60),
  /** Matches the last line of output when the device waits for a command (its prompt). */
  prompt: z.string().min(1).max(300),
  /** The pager's marker ("--More--"); answered with a space. Null: the device never pages. */
  pager: z.string().max(300).nullable(),
  /** Commands that turn paging off, sent once after login. */
  pagingOff: z.array(z.string().min(1).max(200)).max(10),
  /** Privileged mode where the configuration needs it (Cisco's `enable`). */
  enable: z
    .object({
      command: z.string().min(1).max(60),
      /** Matches the question for the enable secret. */
      passwordPrompt: z.string().min(1).max(200),
      /** Matches the prompt once privileged. */
      privilegedPrompt: z.string().min(1).max(300),
    })
    .nullable(),
  /** Added to the user name at login (RouterOS "+ct": no colours, no terminal detection). */
  loginSuffix: z.string().max(30).default(''),
  /** The commands whose output, together, is the configuration. */
  commands: z.array(z.string().min(1).max(300)).min(1).max(10),
  /** Matches the configuration's first line, when the vendor always starts it the same way. */
  configStart: z.string().max(300).nullable(),
  /** Matches the configuration's last line, when the vendor always ends it the same way. */
  configEnd: z.string().max(300).nullable(),
  /** The configuration is a brace-delimited tree (JunOS, EdgeOS): braces must balance. */
  bracesBalance: z.boolean().default(false),
  /** Lines that change on every run (clock, uptime, "last change"), stripped before comparing. */
  volatile: z.array(z.string().min(1).max(300)).max(30),
  /** Patterns with two groups: what precedes the secret, then the secret, which masking replaces. */
  secrets: z.array(z.string().min(1).max(300)).max(30),
  /** Lines by which the CLI rejects a command ("% Invalid input"). */
  rejections: z.array(z.string().min(1).max(300)).max(20),
});
export type BackupProfileSpec = z.infer<typeof BackupProfileSpec>;

/** A password or a private key (with its passphrase) for one SSH login. */
export const SshAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), password: z.string().min(1).max(512) }),
  z.object({
    kind: z.literal('key'),
    privateKey: z.string().min(1).max(32_768),
    passphrase: z.string().max(512).default(''),
  }),
]);
export type SshAuth = z.infer<typeof SshAuth>;

const host = z.string().min(1).max(255);
const port = z.number().int().min(1).max(65_535);
/** "SHA256:<base64>", as OpenSSH prints it. */
export const HostKeyFingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/);

export const SshEndpoint = z.object({
  host,
  port,
  username: z.string().min(1).max(128),
  auth: SshAuth,
  /** Trusted on first use: null means whatever key the host shows is accepted and reported. */
  knownHostKey: HostKeyFingerprint.nullable(),
});
export type SshEndpoint = z.infer<typeof SshEndpoint>;

export const BackupTimeouts = z.object({
  /** TCP connection and SSH handshake. */
  connectMs: z.number().int().min(500).max(120_000).default(15_000),
  /** Each wait for the device: a prompt, the answer to a command, the next page. */
  stepMs: z.number().int().min(500).max(600_000).default(30_000),
  /** The whole job, retries included. */
  jobMs: z.number().int().min(1_000).max(3_600_000).default(180_000),
});
export type BackupTimeouts = z.infer<typeof BackupTimeouts>;

export const BackupJob = z.object({
  deviceId: z.number().int().positive(),
  target: SshEndpoint,
  /** Reached through this host's SSH (a direct-tcpip channel), when set. */
  jump: SshEndpoint.nullable(),
  enableSecret: z.string().max(512).nullable(),
  profile: BackupProfileSpec,
  /** Also offer the weak algorithms old gear needs (group1/group14-sha1, ssh-rsa, CBC). */
  legacyCrypto: z.boolean(),
  maskSecrets: z.boolean(),
  timeouts: BackupTimeouts,
  retries: z.number().int().min(0).max(5).default(1),
  /** A larger answer fails the job (a runaway device must not exhaust the worker). */
  maxBytes: z
    .number()
    .int()
    .min(1_024)
    .max(512 * 1024 * 1024)
    .default(32 * 1024 * 1024),
  /** More pager prompts than this is a pager that never ends. */
  maxPages: z.number().int().min(10).max(1_000_000).default(20_000),
  /** The hash of the current version: when the new one hashes the same, its text is not sent back. */
  knownHash: z.string().nullable(),
});
export type BackupJob = z.infer<typeof BackupJob>;

export const backupFailureCodes = [
  'auth_failed',
  'host_key_changed',
  'jump_host_key_changed',
  'legacy_crypto_required',
  'connect_failed',
  'connect_timeout',
  'no_prompt',
  'enable_failed',
  'enable_secret_missing',
  'command_rejected',
  'step_timeout',
  'job_timeout',
  'connection_lost',
  'endless_pager',
  'too_large',
  'binary_output',
  'empty',
  'truncated',
  'bad_start',
  'prompt_residue',
  'pager_residue',
  'cancelled',
  'address_changed',
  'no_credentials',
] as const;
export const BackupFailureCode = z.enum(backupFailureCodes);
export type BackupFailureCode = z.infer<typeof BackupFailureCode>;

/** Why a job failed: a code the UI words in the reader's language, and the facts behind it. */
export const BackupFailure = z.object({
  code: BackupFailureCode,
  /** What the device showed or said (its last line, the algorithm it offered…), for the operator. */
  detail: z.string().max(500),
});
export type BackupFailure = z.infer<typeof BackupFailure>;

/** The algorithms one session settled on. */
export const NegotiatedCrypto = z.object({
  kex: z.string(),
  hostKey: z.string(),
  cipher: z.string(),
  mac: z.string(),
  /** The ones of those that are weak (only offered because the device needs legacy crypto). */
  weak: z.array(z.string()),
});
export type NegotiatedCrypto = z.infer<typeof NegotiatedCrypto>;

export const BackupOutcome = z.object({
  deviceId: z.number().int().positive(),
  startedAt: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
  /** 0: cancelled while it waited for a lane in the worker, never started. */
  attempts: z.number().int().nonnegative(),
  failure: BackupFailure.nullable(),
  /** The key the device showed (also on a mismatch, so that the operator can compare). */
  hostKey: HostKeyFingerprint.nullable(),
  /** The key the jump host showed, when the job went through one. */
  jumpHostKey: HostKeyFingerprint.nullable().default(null),
  crypto: NegotiatedCrypto.nullable(),
  /** sha256 of the configuration as stored (volatile lines stripped, secrets masked if asked). */
  hash: z.string().nullable(),
  /** The configuration as stored; null when it hashed the same as `knownHash` or the job failed. */
  config: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
});
export type BackupOutcome = z.infer<typeof BackupOutcome>;

/**
 * One device's job, and how many jobs the worker runs at once: the engine hands over more than
 * that, and the rest wait in the worker for a lane, so that no lane waits for the engine.
 */
export const BackupRunRequest = z.object({
  job: BackupJob,
  lanes: z.number().int().min(1).max(500),
});
export type BackupRunRequest = z.infer<typeof BackupRunRequest>;

export const backupWorkerApi = {
  /** Backs one device up; never rejects for the device's sake (a failure is in the outcome). */
  'backup.run': { params: BackupRunRequest, result: BackupOutcome },
  /**
   * Aborts the jobs of these devices that are running, whose outcomes fail as "cancelled", and
   * drops those still waiting for a lane (answered with 0 attempts).
   */
  'backup.cancel': {
    params: z.object({ deviceIds: z.array(z.number().int().positive()).max(100_000) }),
    result: z.object({ cancelled: z.number().int().nonnegative() }),
  },
} satisfies WorkerApi;
export type BackupWorkerApi = typeof backupWorkerApi;
