import type { ZodError } from 'zod';
import type { ApiError } from './api';

/**
 * A failure the caller can read: crosses every process boundary as `{ code, message, issues }`.
 * It sits in the contract, below every engine domain, so a domain can reject bad input without
 * depending on the API layer that dispatches to it.
 */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export const invalidInput = (message: string, issues: ApiError['issues'] = []): ApiFailure =>
  new ApiFailure({ code: 'invalid_input', message, issues });

export const notFound = (message: string): ApiFailure =>
  new ApiFailure({ code: 'not_found', message, issues: [] });

export function zodIssues(error: ZodError): ApiError['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
