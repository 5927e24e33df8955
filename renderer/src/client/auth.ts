import { AUTH_PATHS, type AuthState } from '../../../shared/contract/ws-address';

/** Whether this page must sign in before it may open the API (headless server with a token). */
export async function authState(): Promise<AuthState> {
  const response = await fetch(AUTH_PATHS.session, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as AuthState;
}

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'unavailable' }
  | { ok: false; reason: 'rate_limited'; retryAfterS: number };

/** Exchanges the access token for the session cookie (HttpOnly: this page never sees it). */
export async function signIn(secret: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch(AUTH_PATHS.login, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret }),
    });
  } catch {
    return { ok: false, reason: 'unavailable' };
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
  await fetch(AUTH_PATHS.logout, { method: 'POST', credentials: 'same-origin' });
}
