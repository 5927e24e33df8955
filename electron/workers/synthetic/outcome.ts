import type { ProbeErrorCode, ProbeOutcome, ProbeTimings } from '../../../shared/contract/synthetic-worker';

export type ProbeResult = Omit<ProbeOutcome, 'id' | 'at'>;

/** Rounds a duration for storage: tenths of a millisecond are the finest that means anything here. */
export const ms = (value: number): number => Math.round(value * 10) / 10;

export const noTimings = (totalMs: number): ProbeTimings => ({
  dnsMs: null,
  connectMs: null,
  tlsMs: null,
  firstByteMs: null,
  totalMs: ms(totalMs),
});

export function failed(
  error: ProbeErrorCode,
  detail: string | null,
  timings: ProbeTimings,
  status: number | null = null,
): ProbeResult {
  return { ok: false, error, detail: detail === null ? null : detail.slice(0, 500), timings, status };
}

/** A Node socket/DNS error code as the reason the operator reads. */
export function errorCodeOf(error: unknown): ProbeErrorCode {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'ETIMEOUT':
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
      return 'not_found';
    case 'ENODATA':
      return 'no_answer';
    case 'ECONNREFUSED':
    case 'EREFUSED':
      return 'refused';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'HPE_HEADER_OVERFLOW':
      return 'headers_too_large';
    case 'ESERVFAIL':
    case 'EBADRESP':
    case 'ECONNREFUSED_DNS':
      return 'resolver_failure';
    default:
      if (code.startsWith('HPE_')) return 'bad_response';
      if (/CERT|SSL|TLS|SELF_SIGNED|ERR_TLS/.test(code)) return 'tls';
      return 'failed';
  }
}

/** The technical facts of an error, never a sentence: its code, else its message's first line. */
export function detailOf(error: unknown): string {
  const err = error as NodeJS.ErrnoException | undefined;
  return (err?.code ?? err?.message?.split('\n')[0] ?? String(error)).slice(0, 200);
}
