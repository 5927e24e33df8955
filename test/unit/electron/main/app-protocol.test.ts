import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { devServerUrlFor } from '../../../../electron/main/app-url';

// Only Electron's protocol registry is faked; the answers are built from real files.
vi.mock('electron', () => ({ protocol: {} }));
const { appResponse } = await import('../../../../electron/main/app-protocol');

const CSP = "default-src 'self'";
let root: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-app-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Vigia</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.key'), 'not for the page');
});

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('serves the renderer with its type, the CSP and nosniff', async () => {
    const page = await appResponse(root, 'app://vigia/', CSP);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Vigia</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await appResponse(root, 'app://vigia/assets/main.js', CSP);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a path climbing out', 'app://vigia/../secret.key'],
    ['an encoded climb', 'app://vigia/%2e%2e/secret.key'],
    ['an encoded separator', 'app://vigia/assets%2f..%2f..%2fsecret.key'],
    ['another host', 'app://other/index.html'],
    ['a missing file', 'app://vigia/nope.js'],
    ['a malformed escape', 'app://vigia/%E0%A4%A'],
  ])('answers 404 with the CSP to %s', async (_what, url) => {
    const answer = await appResponse(root, url, CSP);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toBe(CSP);
    expect(await answer.text()).toBe('Not found.');
  });
});

describe('ELECTRON_RENDERER_URL', () => {
  it('is obeyed only by an unpackaged build, and only for a dev server on this machine', () => {
    expect(devServerUrlFor('http://localhost:5173', false)).toBe('http://localhost:5173');
    expect(devServerUrlFor('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFor('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrlFor('https://evil.example/', false)).toBeUndefined();
    expect(devServerUrlFor('file:///tmp/x.html', false)).toBeUndefined();
    expect(devServerUrlFor('not a url', false)).toBeUndefined();
    expect(devServerUrlFor(undefined, false)).toBeUndefined();
  });
});
