import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron is faked only at its module boundary: the system browser is the one thing we observe.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({ shell: { openExternal: async (url: string) => void opened.push(url) } }));

const { hardenContents, hardenSession, isAllowedExternal, rendererCsp } =
  await import('../../../../electron/main/security');

const rendererUrl = 'app://vigia/';

describe('links to the outside', () => {
  it.each([
    ['https://t.me/vigia_noc_bot', true],
    ['https://core.telegram.org/bots/api', true],
    ['https://github.com/', true],
    ['http://t.me/plain-http', false],
    ['https://t.me.evil.example/', false],
    ['https://evil.example/?https://t.me/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });
});

describe('the window contents', () => {
  let contents: EventEmitter & { openHandler?: (details: { url: string }) => { action: string } };
  beforeEach(() => {
    opened.length = 0;
    contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        contents.openHandler = handler;
      },
    });
    hardenContents(contents as unknown as WebContents, rendererUrl);
  });

  const navigate = (name: string, url: string) => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    contents.emit(name, event, url);
    return event.prevented;
  };

  it('never opens a new window; allowlisted https links go to the system browser', () => {
    expect(contents.openHandler!({ url: 'https://t.me/vigia_noc_bot' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://t.me/vigia_noc_bot']);
  });

  it('stays on our renderer: other navigations and redirects are blocked', () => {
    expect(navigate('will-navigate', `${rendererUrl}index.html#/alarms`)).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///C:/Users/noc/Downloads/page.html')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual([]);
    expect(navigate('will-navigate', 'https://core.telegram.org/bots')).toBe(true);
    expect(opened).toEqual(['https://core.telegram.org/bots']);
  });

  it('refuses to attach webviews', () => {
    expect(navigate('will-attach-webview', '')).toBe(true);
  });
});

describe('the session', () => {
  it('sets the CSP on every response and denies every permission', () => {
    let headers: ((details: object, callback: (response: object) => void) => void) | null = null;
    let request:
      ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    const session = {
      webRequest: { onHeadersReceived: (listener: typeof headers) => (headers = listener) },
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    } as unknown as Session;
    hardenSession(session);

    let response: { responseHeaders?: Record<string, string[]> } = {};
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (answer) => (response = answer));
    expect(response.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [rendererCsp()],
    });
    const granted: boolean[] = [];
    for (const permission of ['geolocation', 'media', 'notifications', 'openExternal'])
      request!(null, permission, (answer) => granted.push(answer));
    expect(granted).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });

  it('allows only our own scripts, except what the dev server needs', () => {
    const built = rendererCsp();
    expect(built).toContain("script-src 'self';");
    expect(built).toContain("connect-src 'self';");
    expect(built).toContain("object-src 'none'");
    const dev = rendererCsp('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;");
  });
});
