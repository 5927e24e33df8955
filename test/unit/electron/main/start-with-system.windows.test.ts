import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../../electron/main/privileges';
import { startWithSystem } from '../../../../electron/main/start-with-system';
import { STARTUP_TASK } from '../../../../electron/main/startup-task';

// Windows only (vitest.config.ts collects *.windows.test.ts on win32 alone): "start with Windows"
// through the real schtasks, as the Windows CI job runs it (elevated, as the app runs). On a
// developer's own Windows machine it would replace their installed Vigia's start-up task, so it
// runs on CI only, and says so elsewhere.
const onCi = Boolean(process.env.CI);
if (!onCi)
  console.warn(`SKIPPED the real schtasks test: it would replace this machine's "${STARTUP_TASK}" task`);

/** The task's definition; schtasks may print it as UTF-16, which shows as NUL bytes in UTF-8. */
function taskXml(): string {
  const raw = execFileSync('schtasks', ['/Query', '/TN', STARTUP_TASK, '/XML'], { windowsHide: true });
  return raw.includes(0) ? raw.toString('utf16le') : raw.toString('utf8');
}

describe.runIf(onCi)('the Windows start-up task through schtasks', () => {
  it('creates an elevated logon task that starts the app hidden, and removes it again', async () => {
    const setting = startWithSystem({
      platform: 'win32',
      exePath: process.execPath,
      run: runCommand,
      loginItems: {
        get: () => {
          throw new Error('Windows uses the scheduled task, not login items');
        },
        set: () => {
          throw new Error('Windows uses the scheduled task, not login items');
        },
      },
    });
    try {
      await setting.setEnabled(true);
      expect(await setting.isEnabled()).toBe(true);
      const xml = taskXml();
      // schtasks keeps or drops the quotes around the program as it likes; the path is what counts.
      expect(xml.replaceAll('"', '')).toContain(`<Command>${process.execPath}</Command>`);
      expect(xml).toContain('<Arguments>--hidden</Arguments>');
      expect(xml).toContain('<LogonTrigger>');
      expect(xml).toContain('<RunLevel>HighestAvailable</RunLevel>');
    } finally {
      await setting.setEnabled(false);
    }
    expect(await setting.isEnabled()).toBe(false);
    // Turning it off again when it is already off is not an error.
    await expect(setting.setEnabled(false)).resolves.toBeUndefined();
  });
});
