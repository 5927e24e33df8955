import { z } from 'zod';
import { Role } from './accounts';
import { ApiError } from './api';
import { Actor } from './common';
import { VigiaEvent } from './events';

/**
 * The protocol between the process that serves the UI (the Electron main process, or the headless
 * server) and the engine's own process. Both sides validate every message on arrival; a malformed
 * one is reported as a protocol error and never ends the receiver.
 */

export const EngineStoreConfig = z.discriminatedUnion('dialect', [
  z.object({ dialect: z.literal('sqlite'), file: z.string().min(1), migrationsDir: z.string().optional() }),
  z.object({ dialect: z.literal('postgres'), url: z.string().min(1), migrationsDir: z.string().optional() }),
]);

export const EngineStartOptions = z.object({
  dataDir: z.string().min(1),
  /** Default: SQLite in `<dataDir>/vigia.db`. */
  store: EngineStoreConfig.optional(),
  demo: z.boolean(),
  runtime: z.enum(['electron', 'headless']),
  version: z.string(),
  /** The operator when none is stored (the desktop app: the signed-in user). */
  defaultOperator: z.string().min(1).max(120).optional(),
  /**
   * local: every call is this computer's user (`defaultOperator`) as admin — a workstation on its
   * own store. accounts: every call needs a signed-in user (a shared store, a server others reach).
   */
  access: z.enum(['local', 'accounts']).optional(),
  /** Webhooks and the Bot API may be on this machine (an administrator's explicit choice). */
  allowLoopbackDestinations: z.boolean().optional(),
  /** Secrets are sealed by the host (the OS keychain, reachable only from Electron's main process). */
  hostCipher: z.boolean(),
});
export type EngineStartOptions = z.infer<typeof EngineStartOptions>;

const id = z.number().int().nonnegative();

/**
 * On whose behalf a call is made, as the host established it (never as a page claims): a session
 * the engine issued at sign-in, or the host itself (signing in; a script with the access token).
 * Absent: this computer's user, accepted only when the engine runs with local access.
 */
export const CallAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), session: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('host'), actor: Actor, role: Role }),
]);
export type CallAuth = z.infer<typeof CallAuth>;

export const CipherOperation = z.enum(['encrypt', 'decrypt']);
export type CipherOperation = z.infer<typeof CipherOperation>;

/** Host → engine. */
export const EngineCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), options: EngineStartOptions }),
  z.object({
    kind: z.literal('call'),
    id,
    method: z.string().min(1),
    input: z.unknown().optional(),
    auth: CallAuth.optional(),
  }),
  /** The host's answer to a `cipher` request: the sealed or opened text, or why it failed. */
  z.object({
    kind: z.literal('cipher-reply'),
    id,
    text: z.string().nullable(),
    error: z.string().nullable(),
  }),
  /** The host has published this many more of the engine's `events` messages (its flow control). */
  z.object({ kind: z.literal('events-read'), messages: z.number().int().positive() }),
  z.object({ kind: z.literal('stop') }),
]);
export type EngineCommand = z.infer<typeof EngineCommand>;

export const EngineReply = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('reply'), id, ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ kind: z.literal('reply'), id, ok: z.literal(false), error: ApiError }),
]);

/** Engine → host. */
export const EngineMessage = z.union([
  /** With the first administrator's one-time password when this start created it (to print). */
  z.object({ kind: z.literal('ready'), firstAdminPassword: z.string().nullable().default(null) }),
  z.object({ kind: z.literal('start-failed'), message: z.string() }),
  EngineReply,
  /** Events in the order the engine published them (a burst travels as several batches). */
  z.object({ kind: z.literal('events'), events: z.array(VigiaEvent).min(1) }),
  /** Seal or open a secret with the host's cipher (only when started with `hostCipher`). */
  z.object({ kind: z.literal('cipher'), id, op: CipherOperation, text: z.string() }),
  /** A message the engine could not read (there is no id to answer to). */
  z.object({ kind: z.literal('protocol-error'), message: z.string() }),
]);
export type EngineMessage = z.infer<typeof EngineMessage>;
