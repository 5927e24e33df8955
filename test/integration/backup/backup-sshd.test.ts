import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupJob } from '../../../shared/contract/backup-worker';
import { genericProfile } from '../../../shared/domain/backup/profiles';
import { runJob } from '../../../electron/workers/backup/run-job';
import { startSshd, type RunningSshd } from '../../helpers/sshd';

let sshd: RunningSshd;
beforeAll(async () => {
  sshd = await startSshd('olt-lab# ');
});
afterAll(async () => {
  await sshd?.stop();
});

const profile = genericProfile({
  prompt: String.raw`^olt-lab# ?$`,
  pagingOff: [],
  commands: [],
  pager: null,
  configEnd: String.raw`^end-of-config$`,
  volatile: [String.raw`^# generated at`],
  enable: null,
});

function job(file: string, knownHostKey: string | null): BackupJob {
  return BackupJob.parse({
    deviceId: 7,
    target: {
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.username,
      auth: { kind: 'key', privateKey: sshd.clientKey },
      knownHostKey,
    },
    jump: null,
    enableSecret: null,
    profile: { ...profile, commands: [`cat ${file}`] },
    legacyCrypto: false,
    maskSecrets: false,
    timeouts: { connectMs: 5_000, stepMs: 5_000, jobMs: 20_000 },
    knownHash: null,
  });
}

describe('generic profile against a real OpenSSH server', () => {
  it('reads the configuration an operator-defined profile names, trusting the host key on first use', async () => {
    const body = [
      'system name olt-lab',
      'vlan 100 name gerencia',
      '# a comment with a prompt: olt-lab#',
      'end-of-config',
    ];
    const file = join(sshd.dir, 'running.cfg');
    await writeFile(file, ['# generated at 2026-11-29 21:00:00', ...body].join('\n') + '\n');
    const first = await runJob(job(file, null), { abort: null });
    expect(first.failure).toBeNull();
    expect(first.hostKey).toBe(sshd.hostKey);
    expect(first.config).toBe(body.join('\n') + '\n');

    await writeFile(file, ['# generated at 2026-11-29 22:00:00', ...body].join('\n') + '\n');
    const second = await runJob({ ...job(file, first.hostKey), knownHash: first.hash }, { abort: null });
    expect(second.failure).toBeNull();
    expect(second.hash).toBe(first.hash);
    expect(second.config).toBeNull();
  });

  it('fails a configuration cut short of its end marker', async () => {
    const file = join(sshd.dir, 'partial.cfg');
    await writeFile(file, 'system name olt-lab\nvlan 100\n');
    const partial = await runJob(job(file, sshd.hostKey), { abort: null });
    expect(partial.failure).toEqual({ code: 'truncated', detail: 'vlan 100' });
  });
});
