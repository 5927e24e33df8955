import { checkMessage, checkOutput } from 'virtual:contract-validators';
import type { ApiMethod } from '../../../shared/contract/api';
import type { WsServerMessage } from '../../../shared/contract/ws';

/** One message from the server, checked against the contract; null when it is not one of ours. */
export function parseServerMessage(raw: string): WsServerMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  return checkMessage(json) ? (json as WsServerMessage) : null;
}

/** A method's result checked against its output schema. */
export function checkResult(
  method: ApiMethod,
  result: unknown,
): { ok: true; value: unknown } | { ok: false } {
  return checkOutput[method]?.(result) ? { ok: true, value: result } : { ok: false };
}
