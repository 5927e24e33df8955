import type { Caller } from '../../shared/contract/caller';

/** An administrator calling a handler directly (the dispatcher would have established one). */
export const testCaller: Caller = {
  userId: null,
  name: 'teste',
  role: 'admin',
  mustChangePassword: false,
  local: true,
  host: false,
  session: null,
};
