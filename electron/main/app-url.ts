/**
 * The built renderer is served from this origin by our own protocol handler (app-protocol.ts):
 * unlike file://, every answer carries the CSP header, and the page has no reach into the disk.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://vigia`;

/** Where our renderer lives: the electron-vite dev server in development, else our app:// origin. */
export function rendererBaseUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? `${APP_ORIGIN}/`;
}

/**
 * The dev server the window may load instead of the built renderer: only in an unpackaged build
 * and only on this machine. A packaged app ignores ELECTRON_RENDERER_URL, which would otherwise
 * load any page with IPC access, inline scripts and DevTools.
 */
export function devServerUrlFor(value: string | undefined, packaged: boolean): string | undefined {
  if (packaged || !value) return undefined;
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'http:' || url.protocol === 'https:') && local ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a page URL is one of our own: our app:// origin, or the same origin as the dev server.
 * A plain prefix test would let "http://localhost:5173.evil.example" through.
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
  // The URL standard gives custom schemes an opaque ("null") origin: compare scheme and host.
  if (base.protocol === `${APP_SCHEME}:`) return page.protocol === base.protocol && page.host === base.host;
  return (base.protocol === 'http:' || base.protocol === 'https:') && page.origin === base.origin;
}
