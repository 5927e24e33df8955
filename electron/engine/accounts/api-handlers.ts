import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { AccountService } from './account-service';

type AccountMethods =
  | 'account.me'
  | 'account.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'auth.login'
  | 'auth.logout';

/** The accounts part of the API: the caller's own account, the users (admin), signing in (host). */
export function accountsApiHandlers(accounts: AccountService): Pick<ApiHandlers, AccountMethods> {
  return {
    'account.me': async (_input, caller) => accounts.me(caller),
    'account.changePassword': ({ current, next }, caller) => accounts.changePassword(caller, current, next),
    'users.list': () => accounts.list(),
    'users.create': (input, caller) => accounts.create(caller, input),
    'users.update': (input, caller) => accounts.update(caller, input),
    'users.resetPassword': ({ id, password }, caller) => accounts.resetPassword(caller, id, password),
    'auth.login': ({ name, password }) => accounts.login(name, password),
    'auth.logout': async ({ session }) => accounts.logout(session),
  };
}
