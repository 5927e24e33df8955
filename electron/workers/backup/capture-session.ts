import type { Client, ClientChannel } from 'ssh2';
import type { BackupJob } from '../../../shared/contract/backup-worker';
import { answerBody, checkComplete, cleanTerminal, lastLine } from '../../../shared/domain/backup/capture';
import { BackupError } from './backup-error';
import { Shell } from './shell';

const PROMPT_TAIL = 512;
const SETTLE_MS = 30;

function openShell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.shell({ term: 'vt100', cols: 511, rows: 24 }, (error, channel) => {
      if (error) reject(new BackupError('connection_lost', error.message));
      else resolve(channel);
    });
  });
}

const tailLine = (buffer: string) => lastLine(cleanTerminal(buffer.slice(-PROMPT_TAIL))).trimEnd();

/**
 * Logs into the device's CLI on an open session and reads its configuration: waits for the
 * prompt, enters privileged mode where the profile needs it, turns paging off (and answers the
 * pager anyway), runs the profile's commands and checks that what came back is whole.
 * `onShell` receives the shell so that a job timeout or a cancel can fail the wait in progress.
 */
export async function captureConfig(
  client: Client,
  job: BackupJob,
  onShell: (shell: Shell) => void,
): Promise<string> {
  const { profile } = job;
  const shell = new Shell(await openShell(client), {
    stepMs: job.timeouts.stepMs,
    maxBytes: job.maxBytes,
    maxPages: job.maxPages,
    settleMs: SETTLE_MS,
  });
  onShell(shell);
  try {
    const anyPrompt = new RegExp(profile.prompt);
    await shell.waitFor((buffer) => anyPrompt.test(tailLine(buffer)), 'no_prompt');
    let prompt = tailLine(shell.take());
    if (profile.enable && !new RegExp(profile.enable.privilegedPrompt).test(prompt)) {
      prompt = await enterPrivileged(shell, job, anyPrompt);
    }
    const atPrompt = (buffer: string) => tailLine(buffer) === prompt;
    for (const command of profile.pagingOff) {
      shell.send(command);
      await shell.waitFor(atPrompt, 'step_timeout');
      shell.take();
    }
    shell.answerPager(profile.pager);
    const bodies: string[] = [];
    for (const command of profile.commands) {
      shell.send(command);
      await shell.waitFor(atPrompt, 'step_timeout');
      bodies.push(answerBody(shell.take(), command, prompt));
    }
    const config = bodies.join('\n');
    const failure = checkComplete(profile, config, prompt);
    if (failure) throw new BackupError(failure.code, failure.detail);
    return config;
  } finally {
    shell.close();
  }
}

async function enterPrivileged(shell: Shell, job: BackupJob, anyPrompt: RegExp): Promise<string> {
  const enable = job.profile.enable!;
  const asksSecret = new RegExp(enable.passwordPrompt);
  const privileged = new RegExp(enable.privilegedPrompt);
  shell.send(enable.command);
  await shell.waitFor((buffer) => {
    const line = tailLine(buffer);
    return asksSecret.test(line) || anyPrompt.test(line);
  }, 'enable_failed');
  if (asksSecret.test(tailLine(shell.take()))) {
    if (job.enableSecret === null) throw new BackupError('enable_secret_missing', '');
    shell.send(job.enableSecret);
    await shell.waitFor((buffer) => anyPrompt.test(tailLine(buffer)), 'enable_failed');
  }
  const prompt = tailLine(shell.take());
  if (!privileged.test(prompt)) throw new BackupError('enable_failed', JSON.stringify(prompt));
  return prompt;
}
