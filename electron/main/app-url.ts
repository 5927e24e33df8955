import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where our renderer lives: the electron-vite dev server in development, otherwise the built files
 * beside the main bundle. A proper file URL (forward slashes, drive letter) so that it compares
 * equal to what Chromium reports for the page on Windows too.
 */
export function rendererBaseUrl(mainDir: string, devServerUrl: string | undefined): string {
  if (devServerUrl) return devServerUrl;
  return pathToFileURL(join(mainDir, '..', 'renderer') + '/').href;
}

/**
 * Whether a page URL is one of our own: the same origin as the dev server, or a file inside the
 * built renderer folder. A plain prefix test would let "http://localhost:5173.evil.example" or
 * "file:///…/renderer-evil/" through.
 */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  let page: URL;
  let base: URL;
  try {
    page = new URL(url);
    base = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (base.protocol === 'file:') {
    const folder = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return page.protocol === 'file:' && page.host === base.host && page.pathname.startsWith(folder);
  }
  return (base.protocol === 'http:' || base.protocol === 'https:') && page.origin === base.origin;
}
