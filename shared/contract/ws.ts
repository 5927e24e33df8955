import { z } from 'zod';
import { ApiError } from './api';
import { VigiaEvent } from './events';

/** A call from a browser to the headless server over its WebSocket at /api. */
export const WsRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1),
  // Optional: JSON drops an undefined input, and methods without input take none.
  input: z.unknown().optional(),
});
export type WsRequest = z.infer<typeof WsRequest>;

export const WsResponse = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(false), error: ApiError }),
]);
export type WsResponse = z.infer<typeof WsResponse>;

export const WsEvent = z.object({ event: VigiaEvent });

export const WsServerMessage = z.union([WsResponse, WsEvent]);
export type WsServerMessage = z.infer<typeof WsServerMessage>;
