import { genericProfile } from '../../../shared/domain/backup/profiles';
import { afterAll, describe, expect, it } from 'vitest';
import { runJob, type JobControl } from '../../../electron/workers/backup/run-job';
import { BackupError } from '../../../electron/workers/backup/backup-error';
import { vendorFixture } from '../../helpers/fake-device-fixtures';
import {
  newHostKey,
  newKeyPair,
  startFakeDevice,
  type FakeDeviceOptions,
} from '../../helpers/fake-ssh-device';
import { FAKE_PASSWORD, FAKE_USER, jobFor } from '../../helpers/backup-jobs';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const cisco = vendorFixture('cisco-ios', { bytes: 20_000 });

async function device(extra: Partial<FakeDeviceOptions> = {}) {
  const started = await startFakeDevice({
    ...cisco.behaviour,
    username: FAKE_USER,
    password: FAKE_PASSWORD,
    ...extra,
  });
  closers.push(started.close);
  return started;
}

const run = (job: Parameters<typeof runJob>[0], control: JobControl = { abort: null }) =>
  runJob(job, control);

describe('backup connection', () => {
  it('fails a wrong password at once, without retrying', async () => {
    const fake = await device();
    const outcome = await run(
      jobFor(fake, 'cisco-ios', {
        retries: 2,
        target: { ...jobFor(fake, 'cisco-ios').target, auth: { kind: 'password', password: 'errada' } },
      }),
    );
    expect(outcome.failure?.code).toBe('auth_failed');
    expect(outcome.attempts).toBe(1);
  });

  it('logs in with a key', async () => {
    const pair = newKeyPair();
    const fake = await device({ password: undefined, publicKey: pair.public });
    const base = jobFor(fake, 'cisco-ios');
    const outcome = await run({
      ...base,
      target: { ...base.target, auth: { kind: 'key', privateKey: pair.private, passphrase: '' } },
    });
    expect(outcome.failure).toBeNull();
    expect(outcome.config).toBe(cisco.stored);
  });

  it('offers legacy algorithms only to a device marked for them, and reports them as weak', async () => {
    const fake = await device({
      hostKey: newHostKey('rsa'),
      algorithms: {
        kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
        serverHostKey: ['ssh-rsa'],
        cipher: ['aes128-cbc', '3des-cbc'],
        hmac: ['hmac-sha1'],
      },
    });
    const modern = await run(jobFor(fake, 'cisco-ios'));
    expect(modern.failure?.code).toBe('legacy_crypto_required');
    const legacy = await run(jobFor(fake, 'cisco-ios', { legacyCrypto: true }));
    expect(legacy.failure).toBeNull();
    expect(legacy.crypto).toEqual({
      kex: 'diffie-hellman-group14-sha1',
      hostKey: 'ssh-rsa',
      cipher: 'aes128-cbc',
      mac: 'hmac-sha1',
      weak: ['diffie-hellman-group14-sha1', 'ssh-rsa', 'aes128-cbc', 'hmac-sha1'],
    });
  });

  it('refuses a changed host key and reports the key shown', async () => {
    const fake = await device();
    const base = jobFor(fake, 'cisco-ios');
    const trusted = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const outcome = await run({ ...base, retries: 2, target: { ...base.target, knownHostKey: trusted } });
    expect(outcome.failure?.code).toBe('host_key_changed');
    expect(outcome.failure?.detail).toContain(fake.hostKey);
    expect(outcome.hostKey).toBe(fake.hostKey);
    expect(outcome.attempts).toBe(1);
    expect(fake.logins).toBe(0);
  });

  it('reaches a device through a jump host', async () => {
    const target = await device();
    const jump = await startFakeDevice({
      prompt: '$ ',
      answers: {},
      username: 'salto',
      password: 'salto-senha',
      forwarding: true,
    });
    closers.push(jump.close);
    const outcome = await run(
      jobFor(target, 'cisco-ios', {
        jump: {
          host: jump.host,
          port: jump.port,
          username: 'salto',
          auth: { kind: 'password', password: 'salto-senha' },
          knownHostKey: jump.hostKey,
        },
      }),
    );
    expect(outcome.failure).toBeNull();
    expect(outcome.config).toBe(cisco.stored);
    expect(outcome.jumpHostKey).toBe(jump.hostKey);
    expect(jump.logins).toBe(1);
  });

  it("refuses a jump host whose key changed, apart from the device's own key", async () => {
    const target = await device();
    const jump = await startFakeDevice({
      prompt: '$ ',
      answers: {},
      username: 'salto',
      password: 'salto-senha',
      forwarding: true,
    });
    closers.push(jump.close);
    const trusted = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const outcome = await run(
      jobFor(target, 'cisco-ios', {
        jump: {
          host: jump.host,
          port: jump.port,
          username: 'salto',
          auth: { kind: 'password', password: 'salto-senha' },
          knownHostKey: trusted,
        },
      }),
    );
    expect(outcome.failure).toEqual({
      code: 'jump_host_key_changed',
      detail: `${jump.host}: ${trusted} → ${jump.hostKey}`,
    });
    expect(outcome.jumpHostKey).toBe(jump.hostKey);
    expect(outcome.hostKey).toBeNull();
    expect(jump.logins).toBe(0);
    expect(target.logins).toBe(0);
  });

  it('enters privileged mode with a generic profile that defines its own', async () => {
    const fake = await device();
    const generic = {
      prompt: String.raw`^[\w.-]+[>#] ?$`,
      pagingOff: ['terminal length 0'],
      commands: ['show running-config'],
      pager: ' ?--More-- ?',
      configEnd: '^end$',
      volatile: [],
    };
    const withEnable = jobFor(fake, 'cisco-ios', {
      profile: genericProfile({
        ...generic,
        enable: {
          command: 'enable',
          passwordPrompt: '[Pp]assword: ?$',
          privilegedPrompt: String.raw`^[\w.-]+# ?$`,
        },
      }),
    });
    const privileged = await run(withEnable);
    expect(privileged.failure).toBeNull();
    expect(privileged.config).toContain('hostname core-rtr01');
    // The profile's privileged step did run: a wrong secret fails there.
    const refused = await run(
      jobFor(fake, 'cisco-ios', { profile: withEnable.profile, enableSecret: 'nada' }),
    );
    expect(refused.failure?.code).toBe('enable_failed');
  });

  it('says so when the device asks for an enable secret and none is saved', async () => {
    const fake = await device();
    const outcome = await run(jobFor(fake, 'cisco-ios', { enableSecret: null }));
    expect(outcome.failure).toEqual({ code: 'enable_secret_missing', detail: '' });
  });

  it('fails a wrong enable secret as such', async () => {
    const fake = await device();
    const outcome = await run(jobFor(fake, 'cisco-ios', { enableSecret: 'nada' }));
    expect(outcome.failure).toEqual({ code: 'enable_failed', detail: '"core-rtr01>"' });
  });
});

describe('backup of a misbehaving device', () => {
  it('waits out slow output and a prompt inside the configuration split at a packet boundary', async () => {
    const fake = await device({ trickle: { bytes: 97, pauseMs: 2 }, answerDelayMs: 300 });
    const outcome = await run(jobFor(fake, 'cisco-ios'));
    expect(outcome.failure).toBeNull();
    expect(outcome.config).toBe(cisco.stored);
  });

  it('backs up a device that ignores the empty line typed at its first prompt, after a quiet time', async () => {
    const fake = await device({ ignoresEmptyLines: true });
    const started = Date.now();
    const outcome = await run(jobFor(fake, 'cisco-ios'));
    expect(outcome.failure).toBeNull();
    expect(outcome.config).toBe(cisco.stored);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('fails a connection cut mid-configuration after its retries, as the connection lost', async () => {
    const fake = await device({ cutAfterBytes: 5_000 });
    const outcome = await run(jobFor(fake, 'cisco-ios', { retries: 1 }));
    expect(outcome.failure?.code).toBe('connection_lost');
    expect(outcome.attempts).toBe(2);
    expect(outcome.config).toBeNull();
  });

  it('fails an endless pager', async () => {
    const fake = await device({
      pager: { ...cisco.behaviour.pager!, endless: true, ignoresPagingOff: true },
    });
    const outcome = await run(jobFor(fake, 'cisco-ios', { maxPages: 200 }));
    expect(outcome.failure).toEqual({ code: 'endless_pager', detail: '200 × "end"' });
  });

  it('fails a 100 MB answer at the size limit', async () => {
    const fake = await device({ flood: true });
    const started = Date.now();
    const outcome = await run(jobFor(fake, 'cisco-ios', { maxBytes: 2 * 1024 * 1024 }));
    expect(outcome.failure).toEqual({ code: 'too_large', detail: `> ${2 * 1024 * 1024} B` });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails binary output', async () => {
    const fake = await device({
      answers: { 'show running-config': 'version 15\n\u0000\u0001\u0002\u0003ELF\u0000\u0000end\n' },
    });
    const outcome = await run(jobFor(fake, 'cisco-ios'));
    expect(outcome.failure?.code).toBe('binary_output');
  });

  it('fails a device that never shows a prompt within the step timeout', async () => {
    const fake = await device({ silent: true });
    const started = Date.now();
    const outcome = await run(
      jobFor(fake, 'cisco-ios', { timeouts: { connectMs: 5_000, stepMs: 800, jobMs: 10_000 } }),
    );
    expect(outcome.failure?.code).toBe('no_prompt');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('fails the wrong profile with what the device showed', async () => {
    const fake = await device();
    const outcome = await run(
      jobFor(fake, 'huawei-vrp', { timeouts: { connectMs: 5_000, stepMs: 800, jobMs: 10_000 } }),
    );
    expect(outcome.failure).toEqual({ code: 'no_prompt', detail: '"core-rtr01>"' });
  });

  it('fails a configuration that does not end the way the vendor ends it', async () => {
    const answer = cisco.behaviour.answers['show running-config']!.replace(/\nend\n$/, '\n');
    const fake = await device({ answers: { 'show running-config': answer } });
    const outcome = await run(jobFor(fake, 'cisco-ios'));
    expect(outcome.failure).toEqual({ code: 'truncated', detail: 'transport input ssh' });
  });

  it('stops a running job when cancelled, and within its job timeout otherwise', async () => {
    const fake = await device({ answerDelayMs: 30_000 });
    const control: JobControl = { abort: null };
    const pending = run(jobFor(fake, 'cisco-ios'), control);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (fake.logins > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    control.abort?.(new BackupError('cancelled', ''));
    expect((await pending).failure).toEqual({ code: 'cancelled', detail: '' });

    const timedOut = await run(
      jobFor(fake, 'cisco-ios', { timeouts: { connectMs: 2_000, stepMs: 60_000, jobMs: 1_500 } }),
    );
    expect(timedOut.failure).toEqual({ code: 'job_timeout', detail: '1500 ms' });
  });
});
