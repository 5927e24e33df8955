import { z } from 'zod';
import { epochMs } from './entities';

/**
 * Named accounts. viewer: reads everything; operator: also acknowledges, clears, starts and ends
 * maintenance and runs checks now; admin: also settings, devices, secrets and users.
 */
export const roles = ['viewer', 'operator', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/**
 * Letters, digits, ".", "_" or "-", 2 to 40. No message of its own: each reader's error map words
 * it in their language, recognising the issue by this pattern (shared/domain/validation).
 */
export const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** Lower-case login names: what a person types at the sign-in form, compared as stored. */
export const UserName = z.string().trim().toLowerCase().regex(USER_NAME_PATTERN);

/** Long enough that guessing it offline against a leaked hash takes years at scrypt's cost. */
export const NewPassword = z.string().min(10).max(200);
/** What may be typed at a sign-in: checked against the hash, never stored. */
export const GivenPassword = z.string().min(1).max(200);

const id = z.number().int().positive();

export const User = z.object({
  id,
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  /** Set by an administrator's reset (and for the first admin): the next sign-in must change it. */
  mustChangePassword: z.boolean(),
  createdAt: epochMs,
  passwordChangedAt: epochMs,
});
export type User = z.infer<typeof User>;

/** Who is calling, as the engine established it; never taken from what a client sends. */
export const Me = z.object({
  name: z.string(),
  role: Role,
  mustChangePassword: z.boolean(),
  /** Local: the signed-in user of this computer, no sign-in (a workstation on its own store). */
  local: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const accountsApiMethods = {
  'account.me': { input: z.void(), output: Me },
  'account.changePassword': {
    input: z.object({ current: GivenPassword, next: NewPassword }),
    output: z.void(),
  },

  'users.list': { input: z.void(), output: z.array(User) },
  'users.create': {
    input: z.object({ name: UserName, role: Role, password: NewPassword }),
    output: User,
  },
  /** Role or disabled; disabling ends the user's sessions at once. */
  'users.update': {
    input: z.object({ id, role: Role.optional(), disabled: z.boolean().optional() }),
    output: User,
  },
  /** A temporary password the user must change at the next sign-in; ends the user's sessions. */
  'users.resetPassword': { input: z.object({ id, password: NewPassword }), output: User },

  /** Host only (the server's sign-in route, the desktop app's login): never from a page. */
  'auth.login': {
    input: z.object({ name: z.string().trim().toLowerCase().min(1).max(40), password: GivenPassword }),
    output: z.object({ session: z.string(), me: Me }),
  },
  'auth.logout': { input: z.object({ session: z.string().min(1).max(200) }), output: z.void() },
} as const;

/** The administrator a store without users gets at its first start, with a one-time password. */
export const FIRST_ADMIN = 'admin';

/** How long a sign-in lasts without another: the engine's session and the browser's cookie alike. */
export const SESSION_TTL_MS = 12 * 3_600_000;
