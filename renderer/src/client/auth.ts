import { AUTH_PATHS, type AuthState } from '../../../shared/contract/ws-address';
import type { DesktopAuthBridge, DesktopLoginResult } from '../../../shared/contract/ipc';

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
  /** address: the server refuses this browser's address; user: the name, on every instance. */
  | { ok: false; reason: 'rate_limited'; retryAfterS: number; scope: 'address' | 'user' };

const UNAVAILABLE: SignInResult = { ok: false, reason: 'unavailable' };

/** Exchanges a user name and password for the session cookie (HttpOnly: this page never sees it). */
export async function signIn(name: string, password: string): Promise<SignInResult> {
  if (window.vigiaAuth) return window.vigiaAuth.signIn(name, password).then(desktopResult, () => UNAVAILABLE);
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
  if (response.status === 429) {
    const body = (await response.json().catch(() => ({}))) as { scope?: unknown };
    return {
      ok: false,
      reason: 'rate_limited',
      retryAfterS: Number(response.headers.get('retry-after')) || 60,
      scope: body.scope === 'user' ? 'user' : 'address',
    };
  }
  return { ok: false, reason: response.status === 401 ? 'invalid' : 'unavailable' };
}

function desktopResult(result: DesktopLoginResult): SignInResult {
  if (result.ok) return result;
  if (result.reason === 'rate_limited')
    return { ok: false, reason: 'rate_limited', retryAfterS: result.retryAfterS ?? 60, scope: 'user' };
  return { ok: false, reason: result.reason };
}

export async function signOut(): Promise<void> {
  if (window.vigiaAuth) return window.vigiaAuth.signOut();
  await fetch(AUTH_PATHS.logout, { method: 'POST', credentials: 'same-origin' });
}
