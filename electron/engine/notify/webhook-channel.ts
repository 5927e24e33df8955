import { createHmac } from 'node:crypto';
import { eventText } from '../../../shared/domain/notify/event';
import type { Language } from '../../../shared/i18n';
import type { OutgoingMessage } from './channel';
import { DeliveryError, networkReason } from './delivery-error';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export const SIGNATURE_HEADER = 'x-vigia-signature';
export const TIMESTAMP_HEADER = 'x-vigia-timestamp';

/** How far a receiver should let the timestamp differ from its own clock (README: webhooks). */
export const ACCEPTED_SKEW_MS = 5 * 60_000;

/**
 * The signature a receiver recomputes: HMAC-SHA256 of "<timestamp>.<idempotency key>.<body>" with
 * the shared secret, hex, prefixed "sha256=". The timestamp (milliseconds since the Unix epoch)
 * inside the signed text lets a receiver refuse replays older than ACCEPTED_SKEW_MS; the key is
 * signed too, so nobody can replay a message under a fresh key to get past the receiver's
 * duplicate check.
 */
export function webhookSignature(
  secret: string,
  timestamp: string,
  idempotencyKey: string,
  body: string,
): string {
  const signed = `${timestamp}.${idempotencyKey}.${body}`;
  return `sha256=${createHmac('sha256', secret).update(signed).digest('hex')}`;
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * POSTs one JSON message; the idempotency key travels too, so a receiver can drop a repeat. Each
 * event carries its alarm's facts (source, type, params) and its text in the hook's language.
 */
export async function postWebhook(
  target: WebhookTarget,
  message: OutgoingMessage,
  idempotencyKey: string,
  timeoutMs: number,
  language: Language,
  now: () => number = Date.now,
): Promise<void> {
  const events = message.events.map((event) => ({ ...event, text: eventText(event, language) }));
  const body = JSON.stringify({ source: 'vigia', text: message.text, events });
  const timestamp = String(now());
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Vigia',
        'idempotency-key': idempotencyKey,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: webhookSignature(target.secret, timestamp, idempotencyKey, body),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DeliveryError(`Webhook unreachable: ${networkReason(error)}`, true);
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 429)
    throw new DeliveryError(`Webhook: ${status}`, true, retryAfterMs(response.headers.get('retry-after')));
  const retryable = response.status === 408 || response.status >= 500;
  throw new DeliveryError(`Webhook: ${status}`, retryable);
}
