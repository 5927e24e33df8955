/**
 * "Start with Windows" for an app that runs elevated: a Run registry key cannot start it at
 * logon (UAC blocks it), a scheduled task with the highest privileges can.
 */
export const STARTUP_TASK = 'Vigia NOC';

export function createStartupTaskCommand(exePath: string): [string, string[]] {
  return [
    'schtasks',
    [
      '/Create',
      '/TN',
      STARTUP_TASK,
      '/TR',
      `"${exePath}" --hidden`,
      '/SC',
      'ONLOGON',
      '/RL',
      'HIGHEST',
      '/F',
    ],
  ];
}

export function deleteStartupTaskCommand(): [string, string[]] {
  return ['schtasks', ['/Delete', '/TN', STARTUP_TASK, '/F']];
}

export function queryStartupTaskCommand(): [string, string[]] {
  return ['schtasks', ['/Query', '/TN', STARTUP_TASK]];
}
