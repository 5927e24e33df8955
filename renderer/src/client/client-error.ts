import type { ApiError } from '../../../shared/contract/api';

/** An API failure in the renderer, with the fields a form needs to point at. */
export class ClientError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly issues: ApiError['issues'] = [],
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/**
 * The UI's own words for a failure whose details stay in the engine's log, in the UI's language;
 * set when the UI mounts (this module is part of the small entry, which carries no i18n).
 */
let internalErrorText = (): string | null => null;
export function setInternalErrorText(text: () => string): void {
  internalErrorText = text;
}

/** Whatever was thrown, as a sentence for the operator. */
export function errorMessage(error: unknown): string {
  const apiError = error instanceof ClientError ? error : (error as { apiError?: ApiError })?.apiError;
  if (apiError?.code === 'internal') return internalErrorText() ?? apiError.message;
  if (apiError) return apiError.message;
  return error instanceof Error ? error.message : String(error);
}

/** The field problems an API failure carried (from the WebSocket or the preload bridge), if any. */
export function errorIssues(error: unknown): ApiError['issues'] {
  if (error instanceof ClientError) return error.issues;
  return (error as { apiError?: ApiError })?.apiError?.issues ?? [];
}
