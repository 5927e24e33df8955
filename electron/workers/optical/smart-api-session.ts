import type { SmartApiOptions, SmartApiTarget } from '../../../shared/contract/optical-worker';
import { requestJson } from './http-json';
import { SmartApiError } from './smart-api-error';

const BACKOFF_MS = [500, 2_000, 5_000, 10_000, 20_000];

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One endpoint's conversation: logs in, keeps the token exactly as the login returned it
 * ("Token eyJ…"), logs in again once when a call answers 401/403, and retries network and server
 * failures with backoff. Wrong credentials, bad JSON and malformed pages are not retried here.
 */
export class SmartApiSession {
  private token: string | null = null;
  relogins = 0;

  constructor(
    private target: SmartApiTarget,
    private options: SmartApiOptions,
  ) {}

  /** New settings: a changed address or credential drops the token. */
  update(target: SmartApiTarget, options: SmartApiOptions): void {
    if (JSON.stringify(target) !== JSON.stringify(this.target)) this.token = null;
    this.target = target;
    this.options = options;
  }

  url(path: string, query: Record<string, string | number> = {}): string {
    const base = this.target.baseUrl.replace(/\/+$/, '');
    const prefix = this.target.pathPrefix ? `/${this.target.pathPrefix.replace(/^\/+|\/+$/g, '')}` : '';
    const url = new URL(`${base}${prefix}/v1/${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url.toString();
  }

  private async login(): Promise<string> {
    const reply = await this.withRetries(() =>
      requestJson({
        url: this.url('admin/login'),
        method: 'POST',
        headers: {},
        body: {
          username: this.target.username,
          password: this.target.password,
          clientId: this.target.clientId,
        },
        timeoutMs: this.options.timeoutMs,
        maxBytes: 64 * 1024,
      }),
    );
    if (reply.status === 401 || reply.status === 403)
      throw new SmartApiError('auth_failed', `login refused (HTTP ${reply.status})`);
    if (reply.status >= 300) throw new SmartApiError('http_status', `login: HTTP ${reply.status}`);
    const token = (reply.json as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length === 0)
      throw new SmartApiError('malformed', 'login: the reply carries no token');
    this.token = token;
    return token;
  }

  /** GET a path as JSON, logged in. */
  async get(path: string, query: Record<string, string | number> = {}): Promise<unknown> {
    let token = this.token ?? (await this.login());
    for (let attempt = 0; ; attempt++) {
      const reply = await this.withRetries(() =>
        requestJson({
          url: this.url(path, query),
          method: 'GET',
          headers: { authorization: token },
          timeoutMs: this.options.timeoutMs,
          maxBytes: this.options.maxPageBytes,
        }),
      );
      if ((reply.status === 401 || reply.status === 403) && attempt === 0) {
        this.relogins++;
        token = await this.login();
        continue;
      }
      if (reply.status === 401 || reply.status === 403)
        throw new SmartApiError('auth_failed', `${path}: HTTP ${reply.status} right after logging in`);
      if (reply.status >= 300) throw new SmartApiError('http_status', `${path}: HTTP ${reply.status}`);
      return reply.json;
    }
  }

  private async withRetries<T extends { status: number }>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await send();
        if (reply.status < 500 || attempt >= this.options.retries) return reply;
      } catch (error) {
        if (!(error instanceof SmartApiError) || !error.transient || attempt >= this.options.retries)
          throw error;
      }
      await delay(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!);
    }
  }
}
