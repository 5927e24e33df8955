import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { VersionExport } from './backup-service';

const git = promisify(execFile);

/** A file name that stays the device's even if its name changes: "<id>-<name>.cfg". */
const fileOf = (device: { id: number; name: string }) =>
  `${device.id}-${device.name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.cfg`;

/**
 * Each new version as one commit in a local git repository (made on first use), with Vigia as
 * author and the device and time as message. Commits run one after another.
 */
export function gitExport(dir: string): VersionExport {
  let chain: Promise<unknown> = Promise.resolve();
  const identity = {
    GIT_AUTHOR_NAME: 'Vigia',
    GIT_AUTHOR_EMAIL: 'vigia@localhost',
    GIT_COMMITTER_NAME: 'Vigia',
    GIT_COMMITTER_EMAIL: 'vigia@localhost',
  };
  const run = (...args: string[]) =>
    git('git', ['-C', dir, ...args], { env: { ...process.env, ...identity } });
  const commit = async (device: { id: number; name: string }, config: string, at: number) => {
    if (!existsSync(join(dir, '.git'))) {
      await mkdir(dir, { recursive: true });
      await run('init', '--quiet');
    }
    const file = fileOf(device);
    await writeFile(join(dir, file), config);
    await run('add', '--', file);
    const { stdout } = await run('status', '--porcelain', '--', file);
    if (stdout.trim() === '') return;
    await run(
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      `${device.name} ${new Date(at).toISOString()}`,
      '--',
      file,
    );
  };
  return {
    write: (device, config, at) => {
      const next = chain.then(() => commit(device, config, at));
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
