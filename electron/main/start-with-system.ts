import type { RunCommand } from './privileges';
import { createStartupTaskCommand, deleteStartupTaskCommand, queryStartupTaskCommand } from './startup-task';

export interface StartWithSystem {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

interface LoginItems {
  get(): { openAtLogin: boolean };
  set(settings: { openAtLogin: boolean; args: string[] }): void;
}

/**
 * "Start with Windows" as a scheduled task (an elevated app cannot start from the Run key), and
 * the platform's login items elsewhere. Starts hidden in the tray either way.
 */
export function startWithSystem(options: {
  platform: NodeJS.Platform;
  exePath: string;
  run: RunCommand;
  loginItems: LoginItems;
}): StartWithSystem {
  if (options.platform !== 'win32') {
    return {
      isEnabled: async () => options.loginItems.get().openAtLogin,
      setEnabled: async (enabled) => options.loginItems.set({ openAtLogin: enabled, args: ['--hidden'] }),
    };
  }
  const run = async ([command, args]: [string, string[]]) => options.run(command, args);
  return {
    isEnabled: async () => (await run(queryStartupTaskCommand())) === 0,
    async setEnabled(enabled) {
      const code = await run(
        enabled ? createStartupTaskCommand(options.exePath) : deleteStartupTaskCommand(),
      );
      // Deleting a task that is not there is already the wanted state.
      if (code !== 0 && enabled)
        throw new Error(`schtasks could not create the logon task (exit code ${code})`);
    },
  };
}
