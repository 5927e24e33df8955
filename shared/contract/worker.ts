import { z } from 'zod';

/**
 * The message protocol between the engine and its collector processes (utilityProcess in the app,
 * child_process.fork headless). Every message is validated on arrival on both sides; a malformed
 * one is answered with an error (when it carries an id) and never kills the receiver.
 */
export const WorkerRequest = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1),
  params: z.unknown().optional(),
});
export type WorkerRequest = z.infer<typeof WorkerRequest>;

export const WorkerShutdown = z.object({ kind: z.literal('shutdown') });

export const ParentMessage = z.discriminatedUnion('kind', [WorkerRequest, WorkerShutdown]);
export type ParentMessage = z.infer<typeof ParentMessage>;

export const WorkerErrorPayload = z.object({ code: z.string(), message: z.string() });
export type WorkerErrorPayload = z.infer<typeof WorkerErrorPayload>;

export const WorkerResponse = z.discriminatedUnion('ok', [
  z.object({
    kind: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    kind: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: WorkerErrorPayload,
  }),
]);
export type WorkerResponse = z.infer<typeof WorkerResponse>;

export const WorkerEvent = z.object({ kind: z.literal('event'), name: z.string().min(1), data: z.unknown() });
export type WorkerEvent = z.infer<typeof WorkerEvent>;

export const WorkerReady = z.object({ kind: z.literal('ready'), worker: z.string() });

/** A worker's complaint about a message it could not read (no id to answer to). */
export const WorkerProtocolError = z.object({ kind: z.literal('protocol-error'), message: z.string() });

export const WorkerMessage = z.union([WorkerResponse, WorkerEvent, WorkerReady, WorkerProtocolError]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;

/**
 * A worker's API: for each method the schema of its params and of its result. The host validates
 * params before sending and results on arrival; the worker validates params again on arrival.
 */
export interface WorkerMethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
}
export type WorkerApi = Record<string, WorkerMethodSpec>;
