/**
 * Why a send failed, in words the operator can act on, and what the sender should do about it:
 * try again later (a timeout, a 5xx, a 429 with its `retry_after`) or give up (a bad token, an
 * unknown chat, a 4xx from a webhook).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The network-level reason, e.g. "connection refused", from fetch's and node's nested causes. */
export function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const words: Record<string, string> = {
        ECONNREFUSED: 'connection refused',
        ECONNRESET: 'connection dropped',
        ENOTFOUND: 'host not found',
        EAI_AGAIN: 'host not found (DNS)',
        ETIMEDOUT: 'timed out',
        UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
        UND_ERR_SOCKET: 'connection dropped',
        EHOSTUNREACH: 'host unreachable',
        ENETUNREACH: 'network unreachable',
      };
      return words[code] ?? code;
    }
    if (current.name === 'AbortError' || current.name === 'TimeoutError') return 'timed out';
    current = (current as { cause?: unknown }).cause ?? (current as { error?: unknown }).error;
  }
  return error instanceof Error ? error.message : String(error);
}
