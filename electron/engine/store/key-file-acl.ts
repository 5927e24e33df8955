import { execFileSync } from 'node:child_process';

/**
 * On Windows a file's mode bits do not restrict who reads it: the key file inherits its folder's
 * ACL. These arguments make the current user its only reader (inheritance removed, full control
 * granted to that user alone).
 */
export function icaclsArguments(file: string, env: NodeJS.ProcessEnv): string[] {
  const user = env.USERNAME;
  if (!user) throw new Error('the current Windows user is unknown (USERNAME is not set)');
  const account = env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
  return [file, '/inheritance:r', '/grant:r', `${account}:F`];
}

/** Restricts the key file to the current user on Windows; elsewhere mode 0600 already does. */
export function restrictToCurrentUser(
  file: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  run: (command: string, args: string[]) => void = (command, args) =>
    void execFileSync(command, args, { stdio: 'ignore', windowsHide: true }),
): void {
  if (platform !== 'win32') return;
  run('icacls', icaclsArguments(file, env));
}
