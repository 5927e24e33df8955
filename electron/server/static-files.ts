import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from './auth';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** The content type a built renderer file is served with (also by the desktop app's app://). */
export const contentTypeOf = (file: string): string => types[extname(file)] ?? 'application/octet-stream';

/** No remote content: scripts, styles and sockets only from this server; tiles only if configured. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the built renderer: files under `root` only (no traversal), the SPA's index.html for
 * any other path, with a strict CSP on every answer.
 */
export function serveStatic(root: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, 'Only GET and HEAD are served here; the API is the WebSocket at /api.');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      plain(response, 400, 'Malformed address.');
      return;
    }
    const wanted = normalize(join(root, path));
    const inside = wanted === root || wanted.startsWith(root.endsWith(sep) ? root : root + sep);
    let file = join(root, 'index.html');
    if (inside) {
      const found = await stat(wanted).catch(() => null);
      if (found?.isFile()) file = wanted;
      // A missing asset is a 404, not the SPA: HTML in place of a script only hides the fault.
      else if (extname(path)) {
        plain(response, 404, 'Not found.');
        return;
      }
    }
    const found = await stat(file).catch(() => null);
    if (!found) {
      plain(response, 503, 'The user interface is not built yet: run `npm run build` first.');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      ...SECURITY_HEADERS,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    ...SECURITY_HEADERS,
  });
  response.end(text);
}
