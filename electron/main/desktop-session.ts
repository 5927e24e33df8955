import { ApiFailure } from '../../shared/contract/api-failure';
import type { AuthState } from '../../shared/contract/ws-address';
import type { CallAuth } from '../../shared/contract/engine-process';
import type { DesktopAuthRequest, DesktopLoginResult } from '../../shared/contract/ipc';
import type { Engine } from '../engine/engine';

/** The main process calling for itself: only to sign in and out, with no rights of its own. */
const DESKTOP_HOST: CallAuth = { kind: 'host', actor: 'vigia-desktop', role: 'viewer' };

const unauthenticated = (error: unknown): boolean =>
  error instanceof ApiFailure && error.error.code === 'unauthenticated';

/**
 * The window's sign-in on a shared store. The session id stays in this process's memory only:
 * never handed to the page, never written to disk (signing in again after a restart is the price).
 * On a workstation with its own store (local access) nobody signs in and calls carry no session.
 */
export class DesktopSession {
  private session: string | null = null;

  constructor(
    private readonly engine: Pick<Engine, 'call'>,
    readonly required: boolean,
  ) {}

  /** What every call of the window carries. */
  auth(): CallAuth | undefined {
    return this.session ? { kind: 'session', session: this.session } : undefined;
  }

  /** The engine ended the session (user disabled, password reset, expiry): sign in again. */
  forget(): void {
    this.session = null;
  }

  handle(request: DesktopAuthRequest): Promise<AuthState | DesktopLoginResult | null> {
    switch (request.action) {
      case 'state':
        return this.state();
      case 'login':
        return this.login(request.name, request.password);
      case 'logout':
        return this.logout().then(() => null);
    }
  }

  async state(): Promise<AuthState> {
    const auth = this.auth();
    if (!this.required || !auth)
      return { required: this.required, authenticated: !this.required, mustChangePassword: false };
    try {
      const me = await this.engine.call('account.me', undefined, auth);
      return { required: true, authenticated: true, mustChangePassword: me.mustChangePassword };
    } catch (error) {
      if (!unauthenticated(error)) throw error;
      this.forget();
      return { required: true, authenticated: false, mustChangePassword: false };
    }
  }

  async login(name: string, password: string): Promise<DesktopLoginResult> {
    try {
      const { session } = await this.engine.call('auth.login', { name, password }, DESKTOP_HOST);
      this.session = session;
      return { ok: true };
    } catch (error) {
      // Failed attempts are counted per user name by the engine, in the store: the limit holds
      // across windows and workstations sharing it, not only in this one.
      if (error instanceof ApiFailure && error.error.code === 'rate_limited')
        return { ok: false, reason: 'rate_limited', retryAfterS: error.error.retryAfterS ?? 60 };
      return { ok: false, reason: unauthenticated(error) ? 'invalid' : 'unavailable' };
    }
  }

  async logout(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await this.engine.call('auth.logout', { session }, DESKTOP_HOST).catch(() => undefined);
  }
}
