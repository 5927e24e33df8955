import { apiMethods, type ApiMethod } from '../../../shared/contract/api';
import { WsServerMessage } from '../../../shared/contract/ws';

/** One message from the server, checked against the contract; null when it is not one of ours. */
export function parseServerMessage(raw: string): WsServerMessage | null {
  try {
    const parsed = WsServerMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A method's result checked against its output schema. */
export function checkResult(
  method: ApiMethod,
  result: unknown,
): { ok: true; value: unknown } | { ok: false } {
  const checked = apiMethods[method].output.safeParse(result);
  return checked.success ? { ok: true, value: checked.data } : { ok: false };
}
