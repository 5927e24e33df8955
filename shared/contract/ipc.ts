import { z } from 'zod';

/** The IPC channels between the main process and the preload bridge: one for calls, one for events. */
export const IPC_INVOKE = 'vigia:invoke';
export const IPC_EVENT = 'vigia:event';

/**
 * Signing in to the desktop app on a shared PostgreSQL: the page hands name and password to the
 * main process, which signs in with the engine and keeps the session to itself.
 */
export const IPC_AUTH = 'vigia:auth';

export const DesktopAuthRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('state') }),
  z.object({
    action: z.literal('login'),
    name: z.string().trim().toLowerCase().min(1).max(40),
    password: z.string().min(1).max(200),
  }),
  z.object({ action: z.literal('logout') }),
]);
export type DesktopAuthRequest = z.infer<typeof DesktopAuthRequest>;

/** Whether the window must sign in (and change its password); the session id never crosses. */
export const DesktopAuthState = z.object({
  required: z.boolean(),
  authenticated: z.boolean(),
  mustChangePassword: z.boolean(),
});

export const DesktopLoginResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['invalid', 'unavailable', 'rate_limited']),
    /** rate_limited: seconds until this user name may try again (on every workstation). */
    retryAfterS: z.number().int().positive().optional(),
  }),
]);
export type DesktopLoginResult = z.infer<typeof DesktopLoginResult>;

/** What the preload exposes as `window.vigiaAuth`. */
export interface DesktopAuthBridge {
  state(): Promise<z.infer<typeof DesktopAuthState>>;
  signIn(name: string, password: string): Promise<DesktopLoginResult>;
  signOut(): Promise<void>;
}
