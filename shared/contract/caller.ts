import type { Role } from './accounts';

/** On whose behalf the engine runs a call: established by the engine, never read from the input. */
export interface Caller {
  /** Null for this computer's user (local access) and for the host itself. */
  userId: number | null;
  /** The name the audit log records. */
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** This computer's user on a workstation with its own store: no accounts, no sign-in. */
  local: boolean;
  /** The process serving the UI, calling for itself (signing in, a script with the access token). */
  host: boolean;
  /** The session the call came with, if any. */
  session: string | null;
}
