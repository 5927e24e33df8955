import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** Hosts the app may open in the system browser; everything else is refused. */
export const EXTERNAL_ALLOWLIST = new Set([
  't.me',
  'core.telegram.org',
  'github.com',
  'www.openstreetmap.org',
]);

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_ALLOWLIST.has(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * The renderer's Content-Security-Policy. Map tiles come from https servers the operator
 * chooses. The electron-vite dev server needs inline scripts (React refresh) and its socket.
 */
export function rendererCsp(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const script = dev ? "'self' 'unsafe-inline'" : "'self'";
  const connect = dev ? `'self' ws://${dev.host}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Electron's security checklist for the session and the window's contents. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  const csp = rendererCsp(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: WebContents, rendererUrl: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  };
  // A plain link to an allowed site (no target) opens in the browser, never in our window.
  contents.on('will-navigate', (event, url) => {
    stayHome(event, url);
    if (!isAppUrl(url, rendererUrl) && isAllowedExternal(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', stayHome);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
