import type { SmartApiErrorCode } from '../../../shared/contract/optical-worker';

/** A failure of one Smart API endpoint, with a code the UI words in the reader's language. */
export class SmartApiError extends Error {
  constructor(
    readonly code: SmartApiErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'SmartApiError';
  }

  /** Worth trying again after a pause: the network or the server, not the data or the password. */
  get transient(): boolean {
    return this.code === 'unreachable' || this.code === 'timeout' || this.code === 'http_status';
  }
}
