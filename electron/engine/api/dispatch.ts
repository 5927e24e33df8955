import { apiMethods, isApiMethod, type ApiMethod, type ApiOutput } from '../../../shared/contract/api';
import { ApiFailure, invalidInput, zodIssues } from '../../../shared/contract/api-failure';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { toApiError } from './errors';

/**
 * The one entry to the engine from any host: the method must be in the registry, its input is
 * validated against the contract before a handler sees it, and every failure comes out as an
 * ApiFailure the UI can show.
 */
export function createDispatcher(handlers: ApiHandlers) {
  return async function call<M extends ApiMethod>(method: M, input: unknown): Promise<ApiOutput<M>> {
    if (!isApiMethod(method))
      throw new ApiFailure({
        code: 'invalid_input',
        message: `Unknown method "${String(method)}"`,
        issues: [],
      });
    const parsed = apiMethods[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw invalidInput(
        issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; '),
        issues,
      );
    }
    try {
      const handler = handlers[method] as (value: unknown) => Promise<ApiOutput<M>>;
      return await handler(parsed.data);
    } catch (error) {
      throw new ApiFailure(toApiError(error));
    }
  };
}
