import { ZodError } from 'zod';
import type { ApiError } from '../../../shared/contract/api';
import { defaultLanguage, translate } from '../../../shared/i18n';
import { StoreError } from '../store/repository';

/** A failure the caller can read: crosses every process boundary as `{ code, message, issues }`. */
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

const storeCodes: Record<StoreError['code'], ApiError['code']> = {
  corrupt: 'unavailable',
  locked: 'unavailable',
  unreachable: 'unavailable',
  auth: 'unavailable',
  migration: 'unavailable',
  not_found: 'not_found',
  conflict: 'conflict',
  invalid: 'invalid_input',
};

/** Any thrown value as an ApiError; unknown errors keep their message out of the UI's way. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  if (error instanceof ZodError)
    return { code: 'invalid_input', message: 'Invalid input', issues: zodIssues(error) };
  if (error instanceof StoreError)
    return { code: storeCodes[error.code], message: error.message, issues: [] };
  if (error instanceof Error && error.name === 'DependencyCycleError') {
    return {
      code: 'invalid_input',
      message: error.message,
      issues: [{ path: 'parentId', message: error.message }],
    };
  }
  // The details (paths, SQL, addresses) stay in the log: a client learns only that it failed.
  console.error('unexpected API failure', error);
  return { code: 'internal', message: translate(defaultLanguage, 'security.internalError'), issues: [] };
}
