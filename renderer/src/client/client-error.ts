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

/** Whatever was thrown, as a sentence for the operator. */
export function errorMessage(error: unknown): string {
  if (error instanceof ClientError) return error.message;
  const apiError = (error as { apiError?: ApiError })?.apiError;
  if (apiError) return apiError.message;
  return error instanceof Error ? error.message : String(error);
}

/** The field problems an API failure carried (from the WebSocket or the preload bridge), if any. */
export function errorIssues(error: unknown): ApiError['issues'] {
  if (error instanceof ClientError) return error.issues;
  return (error as { apiError?: ApiError })?.apiError?.issues ?? [];
}
