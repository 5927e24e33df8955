// Apart from the message schemas in ws.ts, so that the page can build the address without zod.

/** The WebSocket path of the API. */
export const WS_PATH = '/api';

/**
 * Signing in to the headless server: the page exchanges the access token for an HttpOnly session
 * cookie, which the WebSocket upgrade then carries; the token never appears in a URL.
 */
export const AUTH_PATHS = {
  /** GET → `{ required, authenticated }`. */
  session: '/auth/session',
  /** POST `{ secret }` (JSON) → 204 with the cookie; 401 wrong; 429 too many tries. */
  login: '/auth/login',
  /** POST → 204, the session ends. */
  logout: '/auth/logout',
} as const;

export interface AuthState {
  required: boolean;
  authenticated: boolean;
}
