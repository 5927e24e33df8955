import { apiMethods, isApiMethod, type ApiMethod, type ApiOutput } from '../../../shared/contract/api';
import { ApiFailure, invalidInput, zodIssues } from '../../../shared/contract/api-failure';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { CallAuth } from '../../../shared/contract/engine-process';
import { methodRoles, roleAllows } from '../../../shared/contract/method-roles';
import { translate, type Language } from '../../../shared/i18n';
import type { Caller } from '../../../shared/contract/caller';
import { toApiError } from './errors';

/** What the dispatcher asks before any handler runs: who is calling. */
export interface CallerResolver {
  resolve(auth: CallAuth | undefined): Promise<Caller>;
}

/** May be called while the caller must still change a password set by someone else. */
const BEFORE_PASSWORD_CHANGE = new Set<ApiMethod>(['account.me', 'account.changePassword']);

/** Refuses a call the caller's role does not allow, from the contract's one table of roles. */
function authorize(method: ApiMethod, caller: Caller, language: Language): void {
  const required = methodRoles[method];
  const refuse = (message: string) => new ApiFailure({ code: 'forbidden', message, issues: [] });
  if (required === 'host') {
    if (!caller.host) throw refuse(translate(language, 'accounts.hostOnly'));
    return;
  }
  if (!roleAllows(caller.role, required))
    throw refuse(
      translate(language, 'accounts.forbidden', {
        role: translate(language, `role.${caller.role}`),
        required: translate(language, `role.${required}`),
      }),
    );
  if (caller.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(method))
    throw refuse(translate(language, 'accounts.mustChangePassword'));
}

/**
 * The one entry to the engine from any host: the method must be in the registry, the caller is
 * established from the call's auth (never from its input) and must hold the method's role, the
 * input is validated against the contract before a handler sees it, and every failure comes out
 * as an ApiFailure the UI can show.
 */
export function createDispatcher(handlers: ApiHandlers, callers: CallerResolver, language: () => Language) {
  return async function call<M extends ApiMethod>(
    method: M,
    input: unknown,
    auth?: CallAuth,
  ): Promise<ApiOutput<M>> {
    if (!isApiMethod(method))
      throw new ApiFailure({
        code: 'invalid_input',
        message: `Unknown method "${String(method)}"`,
        issues: [],
      });
    let caller: Caller;
    try {
      caller = await callers.resolve(auth);
      authorize(method, caller, language());
    } catch (error) {
      throw new ApiFailure(toApiError(error));
    }
    const parsed = apiMethods[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw invalidInput(
        issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; '),
        issues,
      );
    }
    try {
      const handler = handlers[method] as (value: unknown, caller: Caller) => Promise<ApiOutput<M>>;
      return await handler(parsed.data, caller);
    } catch (error) {
      throw new ApiFailure(toApiError(error));
    }
  };
}
