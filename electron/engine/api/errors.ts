import { ZodError } from 'zod';
import type { ApiError } from '../../../shared/contract/api';
import { ApiFailure, zodIssues } from '../../../shared/contract/api-failure';
import { defaultLanguage, translate } from '../../../shared/i18n';
import { StoreError } from '../store/repository';

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
