import { z } from 'zod';
import { ApiError } from './api';
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
  /** Webhooks and the Bot API may be on this machine (an administrator's explicit choice). */
  allowLoopbackDestinations: z.boolean().optional(),
  /** Secrets are sealed by the host (the OS keychain, reachable only from Electron's main process). */
  hostCipher: z.boolean(),
});
export type EngineStartOptions = z.infer<typeof EngineStartOptions>;

const id = z.number().int().nonnegative();

export const CipherOperation = z.enum(['encrypt', 'decrypt']);
export type CipherOperation = z.infer<typeof CipherOperation>;

/** Host → engine. */
export const EngineCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), options: EngineStartOptions }),
  z.object({ kind: z.literal('call'), id, method: z.string().min(1), input: z.unknown().optional() }),
  /** The host's answer to a `cipher` request: the sealed or opened text, or why it failed. */
  z.object({
    kind: z.literal('cipher-reply'),
    id,
    text: z.string().nullable(),
    error: z.string().nullable(),
  }),
  z.object({ kind: z.literal('stop') }),
]);
export type EngineCommand = z.infer<typeof EngineCommand>;

export const EngineReply = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('reply'), id, ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ kind: z.literal('reply'), id, ok: z.literal(false), error: ApiError }),
]);

/** Engine → host. */
export const EngineMessage = z.union([
  z.object({ kind: z.literal('ready') }),
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
