import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

/** No remote content: scripts, styles and sockets only from this server; tiles only if configured. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the built renderer: files under `root` only (no traversal), the SPA's index.html for
 * any other path, with a strict CSP on every answer.
 */
export function serveStatic(root: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const wanted = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = wanted === root || wanted.startsWith(root.endsWith(sep) ? root : root + sep);
    let file = join(root, 'index.html');
    if (inside) {
      const found = await stat(wanted).catch(() => null);
      if (found?.isFile()) file = wanted;
    }
    const found = await stat(file).catch(() => null);
    if (!found) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The user interface is not built yet: run `npm run build` first.');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(file).pipe(response);
  };
}
