import { describe, expect, it } from 'vitest';
import { icaclsArguments, restrictToCurrentUser } from '../../../../../electron/engine/store/key-file-acl';

// icacls exists only on Windows: the command is checked as built, and run only there.
describe('the key file on Windows', () => {
  it('removes inherited access and grants the current user alone', () => {
    expect(
      icaclsArguments('C:\\Users\\noc\\AppData\\Roaming\\Vigia\\secret.key', {
        USERNAME: 'noc',
        USERDOMAIN: 'PROVEDOR',
      }),
    ).toEqual([
      'C:\\Users\\noc\\AppData\\Roaming\\Vigia\\secret.key',
      '/inheritance:r',
      '/grant:r',
      'PROVEDOR\\noc:F',
    ]);
    expect(icaclsArguments('k', { USERNAME: 'noc' })).toEqual(['k', '/inheritance:r', '/grant:r', 'noc:F']);
    expect(() => icaclsArguments('k', {})).toThrow('the current Windows user is unknown');
  });

  it('runs icacls on Windows only', () => {
    const runs: string[] = [];
    const run = (command: string, args: string[]) => runs.push([command, ...args].join(' '));
    restrictToCurrentUser('k', 'linux', {}, run);
    expect(runs).toEqual([]);
    restrictToCurrentUser('k', 'win32', { USERNAME: 'noc' }, run);
    expect(runs).toEqual(['icacls k /inheritance:r /grant:r noc:F']);
  });
});
