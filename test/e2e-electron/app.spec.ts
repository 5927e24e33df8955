import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { E2eHook } from '../../electron/main/e2e-hook';
import { electronBinary } from '../../electron/server/electron-binary';
import type { TrayAction, TrayMenuItem } from '../../electron/main/tray-model';

// The desktop app itself, built by `npm run build` (out/), driven through Playwright's _electron.
// The tray cannot be clicked from a test: VIGIA_E2E=1 exposes its menu and actions in the main
// process (electron/main/e2e-hook.ts), and the notifications it showed.

const binary = electronBinary(resolve('.'));

type HookedGlobal = typeof globalThis & { __vigiaE2E: E2eHook };
type Client = { invoke(method: string, input: unknown): Promise<unknown> };

function findAction(items: TrayMenuItem[], wanted: (action: TrayAction) => boolean): TrayAction | null {
  for (const item of items) {
    if (item.action && wanted(item.action)) return item.action;
    const inner = item.submenu ? findAction(item.submenu, wanted) : null;
    if (inner) return inner;
  }
  return null;
}

// Only the Windows workflow runs this suite (its own config); it installs Electron. Anywhere the
// binary is missing the suite fails with the reason instead of skipping: a skip would pass a suite
// that never ran.
if (binary === null)
  throw new Error(
    'No Electron binary (node_modules/electron/dist is missing): this suite drives the desktop app and runs on the Windows workflow, which installs Electron.',
  );

test.describe('the desktop app', () => {
  let app: ElectronApplication;
  let window: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary!,
      args: [
        resolve('out/main/index.js'),
        '--demo',
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'vigia-electron-'))}`,
      ],
      env: { ...process.env, VIGIA_E2E: '1' },
    });
    window = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('starts one secure window on the demo network, with the engine behind the preload bridge', async () => {
    await expect(window.getByTestId('demo-badge')).toBeVisible({ timeout: 60_000 });
    await expect(window.getByTestId('device-count')).toHaveText(/^\d{3,}$/);
    expect(app.windows()).toHaveLength(1);
    // Context isolation and the sandbox: the page sees the typed bridge and nothing of Node.
    const exposure = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { vigia?: unknown }).vigia,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposure).toEqual({
      bridge: 'object',
      ipc: 'undefined',
      require: 'undefined',
      process: 'undefined',
    });
    const refused = await window.evaluate(async () => {
      const client = (window as unknown as { vigia: Client }).vigia;
      return client
        .invoke('maintenance.start', { target: { scope: 'global' }, minutes: -1, reason: '' })
        .then(
          () => null,
          (error: { apiError?: { code: string } }) => error.apiError?.code,
        );
    });
    expect(refused).toBe('invalid_input');
  });

  test('puts a tower into maintenance for 1 h through the tray menu', async () => {
    const items = await app.evaluate(() => (globalThis as HookedGlobal).__vigiaE2E.trayItems());
    const action = findAction(
      items,
      (candidate) =>
        candidate.kind === 'maintenance' && candidate.target.scope === 'tower' && candidate.minutes === 60,
    );
    expect(action).not.toBeNull();
    await app.evaluate(
      (_electron, chosen) => (globalThis as HookedGlobal).__vigiaE2E.trayAct(chosen),
      action!,
    );
    const towerId = (action as Extract<TrayAction, { kind: 'maintenance' }>).target as { id: number };
    const tower = await window.evaluate(async (id) => {
      const client = (window as unknown as { vigia: Client }).vigia;
      const towers = (await client.invoke('towers.list', undefined)) as {
        id: number;
        maintenanceUntil: number | null;
      }[];
      return towers.find((candidate) => candidate.id === id);
    }, towerId.id);
    expect(tower?.maintenanceUntil).toBeGreaterThan(Date.now() + 55 * 60_000);
  });

  test('shows a desktop notification when a device goes down', async () => {
    // The demo network has outages every few minutes; the first ones start at launch.
    await expect
      .poll(() => app.evaluate(() => (globalThis as HookedGlobal).__vigiaE2E.notifications.length), {
        timeout: 180_000,
        intervals: [2_000],
      })
      .toBeGreaterThan(0);
    // Recorded as node-notifier was called: what the native helper was given.
    const [first] = await app.evaluate(() => (globalThis as HookedGlobal).__vigiaE2E.notifications);
    expect(first!.title).toMatch(/^Vigia — /);
    expect(first!.message.length).toBeGreaterThan(0);
    expect(first!.appID).toBe('br.com.vigia.noc');
    expect(first!.icon.replaceAll('\\', '/')).toMatch(/\/tray\/red@2x\.png$/);
    expect(existsSync(first!.icon)).toBe(true);
  });
});
