import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('the desktop app', () => {
  test.skip(
    !binary,
    'skipped: no Electron binary (node_modules/electron/dist missing) — runs on the Windows CI job',
  );

  test('starts one secure window on the demo network, with the engine behind the preload bridge', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [
        resolve('out/main/index.js'),
        '--demo',
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'vigia-electron-'))}`,
      ],
    });
    const window = await app.firstWindow();
    await expect(window.getByTestId('demo-badge')).toBeVisible({ timeout: 60_000 });
    await expect(window.getByTestId('device-count')).toHaveText(/^\d{3,}$/);
    // Context isolation and the sandbox: the page sees the typed bridge and nothing of Node.
    const exposure = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { vigia?: unknown }).vigia,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposure).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });

    // Maintenance for a whole tower through the same API the tray menu calls.
    const maintained = await window.evaluate(async () => {
      const client = (
        window as unknown as { vigia: { invoke(method: string, input: unknown): Promise<unknown> } }
      ).vigia;
      const towers = (await client.invoke('towers.list', undefined)) as { id: number }[];
      await client.invoke('maintenance.start', {
        target: { scope: 'tower', id: towers[1]!.id },
        minutes: 30,
        reason: 'teste e2e',
        by: 'e2e',
      });
      return towers[1]!.id;
    });
    expect(maintained).toBeGreaterThan(0);
    await app.close();
  });
});
