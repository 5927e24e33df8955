import { SmartApiError } from './smart-api-error';

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  maxBytes: number;
}

export interface JsonReply {
  status: number;
  /** Parsed JSON; undefined for a status that is not 2xx (the body is not read then). */
  json: unknown;
}

/** Reads at most `maxBytes` of the body: a runaway page is refused, not buffered. */
async function readCapped(response: Response, maxBytes: number, where: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SmartApiError('page_too_large', `${where}: ${declared} bytes (limit ${maxBytes})`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SmartApiError('page_too_large', `${where}: more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One HTTP exchange expecting JSON, with its failures sorted into SmartApiError codes. */
export async function requestJson(request: JsonRequest): Promise<JsonReply> {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const cause = error as Error & { cause?: { code?: string } };
    if (cause.name === 'TimeoutError')
      throw new SmartApiError('timeout', `${where}: no answer in ${request.timeoutMs} ms`);
    throw new SmartApiError('unreachable', `${where}: ${cause.cause?.code ?? cause.message}`);
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel();
    return { status: response.status, json: undefined };
  }
  let body: string;
  try {
    body = await readCapped(response, request.maxBytes, where);
  } catch (error) {
    if (error instanceof SmartApiError) throw error;
    if ((error as Error).name === 'TimeoutError')
      throw new SmartApiError('timeout', `${where}: the body did not arrive in ${request.timeoutMs} ms`);
    throw new SmartApiError('unreachable', `${where}: ${(error as Error).message}`);
  }
  try {
    return { status: response.status, json: JSON.parse(body) as unknown };
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new SmartApiError(
      'not_json',
      `${where}: ${type}, starts with ${JSON.stringify(body.slice(0, 40))}`,
    );
  }
}
