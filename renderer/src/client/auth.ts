import { AUTH_PATHS, type AuthState } from '../../../shared/contract/ws-address';
import type { DesktopAuthBridge } from '../../../shared/contract/ipc';

declare global {
  interface Window {
    /** The desktop app's sign-in bridge (present only inside it); the session stays in main. */
    vigiaAuth?: DesktopAuthBridge;
  }
}

/** Whether this page must sign in (or change its password) before it may open the API. */
export async function authState(): Promise<AuthState> {
  if (window.vigiaAuth) return window.vigiaAuth.state();
  const response = await fetch(AUTH_PATHS.session, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as AuthState;
}

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'unavailable' }
  | { ok: false; reason: 'rate_limited'; retryAfterS: number };

const UNAVAILABLE: SignInResult = { ok: false, reason: 'unavailable' };

/** Exchanges a user name and password for the session cookie (HttpOnly: this page never sees it). */
export async function signIn(name: string, password: string): Promise<SignInResult> {
  if (window.vigiaAuth) return window.vigiaAuth.signIn(name, password).catch(() => UNAVAILABLE);
  let response: Response;
  try {
    response = await fetch(AUTH_PATHS.login, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return UNAVAILABLE;
  }
  if (response.status === 204) return { ok: true };
  if (response.status === 429)
    return {
      ok: false,
      reason: 'rate_limited',
      retryAfterS: Number(response.headers.get('retry-after')) || 60,
    };
  return { ok: false, reason: response.status === 401 ? 'invalid' : 'unavailable' };
}

export async function signOut(): Promise<void> {
  if (window.vigiaAuth) return window.vigiaAuth.signOut();
  await fetch(AUTH_PATHS.logout, { method: 'POST', credentials: 'same-origin' });
}
