import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { contentTypeOf } from '../server/static-files';
import { APP_ORIGIN, APP_SCHEME } from './app-url';

/** Must run before the app is ready: app:// behaves like https (secure context, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://vigia/ with the CSP on every answer. */
export function serveAppProtocol(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url, csp));
}

/**
 * The answer for one app:// request: a file under `root` (never outside it, never another host),
 * index.html for the root; 404 otherwise. Every answer carries the CSP and nosniff.
 */
export async function appResponse(root: string, url: string, csp: string): Promise<Response> {
  const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
  const notFound = () => new Response('Not found.', { status: 404, headers });
  let path: string;
  try {
    const parsed = new URL(url);
    if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return notFound();
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound();
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound();
  const body = await readFile(file).catch(() => null);
  if (!body) return notFound();
  return new Response(body, { headers: { ...headers, 'content-type': contentTypeOf(file) } });
}
