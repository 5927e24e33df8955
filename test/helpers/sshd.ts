// Debian's real OpenSSH server on a loopback port, with its own configuration, host key and
// authorized key in a temporary folder, for the backup's generic profile.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SSHD = '/usr/sbin/sshd';
const run = promisify(execFile);

export interface RunningSshd {
  port: number;
  username: string;
  /** The client key the server accepts (OpenSSH format). */
  clientKey: string;
  /** The host key's fingerprint as `ssh-keygen -lf` prints it. */
  hostKey: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts sshd in the foreground; every login gets `/bin/sh -i` with the prompt `prompt`. Fails
 * loudly when sshd is missing: on CI a skipped real-peer suite is a failure.
 */
export async function startSshd(prompt: string): Promise<RunningSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} not found: install Debian's openssh-server`);
  const dir = await mkdtemp(join(tmpdir(), `vigia-sshd-${process.pid}-`));
  // Privilege separation needs this folder; Debian creates it only when the service starts.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')));
  const fingerprint = (await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_key.pub')]))
    .stdout;
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'PrintMotd no',
      'PrintLastLog no',
      `Banner ${join(dir, 'banner')}`,
      `ForceCommand env PS1='${prompt}' /bin/sh -i`,
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'banner'), 'Equipamento de laboratório: acesso monitorado\n');
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`sshd exited at start (${code}): ${log}`)));
  });
  return {
    port,
    username: userInfo().username,
    clientKey: await readFile(join(dir, 'client_key'), 'utf8'),
    hostKey: fingerprint.split(' ')[1]!,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
