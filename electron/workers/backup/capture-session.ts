import type { Client, ClientChannel } from 'ssh2';
import type { BackupJob } from '../../../shared/contract/backup-worker';
import { answerArrival, promptRepeated, tailLine } from '../../../shared/domain/backup/arrival';
import { answerBody, checkComplete } from '../../../shared/domain/backup/capture';
import { BackupError } from './backup-error';
import { Shell } from './shell';

// Only waited where nothing but quiet tells the end of an answer (see `answerArrival`).
const SETTLE_MS = 30;
/**
 * The quiet that tells the first prompt when the device did not print it again for the empty
 * line typed at it: long, since an answer to that line coming after it would be read as the
 * answer to the next command.
 */
const KNOCK_SETTLE_MS = 500;

function openShell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.shell({ term: 'vt100', cols: 511, rows: 24 }, (error, channel) => {
      if (error) reject(new BackupError('connection_lost', error.message));
      else resolve(channel);
    });
  });
}

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
    const isPrompt = (line: string) => anyPrompt.test(line);
    // A login banner may hold prompt-like lines: the first prompt is the one the device then stays
    // at. An empty line typed at the first one that looks like it makes the device print its
    // prompt again at once; one that ignores it is taken after a long quiet time.
    let knocked = false;
    await shell.waitFor(
      (output) => {
        const arrival = answerArrival(output, { command: null, waits: isPrompt, end: null });
        if (arrival === 'pending') return arrival;
        if (promptRepeated(output, isPrompt)) return 'complete';
        if (!knocked) shell.send('');
        knocked = true;
        return arrival;
      },
      'no_prompt',
      KNOCK_SETTLE_MS,
    );
    let prompt = tailLine(shell.take());
    if (profile.enable && !new RegExp(profile.enable.privilegedPrompt).test(prompt)) {
      prompt = await enterPrivileged(shell, job, isPrompt);
    }
    const atPrompt = (line: string) => line === prompt;
    for (const command of profile.pagingOff) {
      shell.send(command);
      await shell.waitFor(
        (output) => answerArrival(output, { command, waits: atPrompt, end: 'any' }),
        'step_timeout',
      );
      shell.take();
    }
    shell.answerPager(profile.pager);
    const bodies: string[] = [];
    const configEnd = profile.configEnd === null ? null : new RegExp(profile.configEnd);
    for (const [index, command] of profile.commands.entries()) {
      // Only the last command's answer ends the way the vendor ends a configuration.
      const end = index === profile.commands.length - 1 ? configEnd : null;
      shell.send(command);
      await shell.waitFor(
        (output) => answerArrival(output, { command, waits: atPrompt, end }),
        'step_timeout',
      );
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

async function enterPrivileged(
  shell: Shell,
  job: BackupJob,
  isPrompt: (line: string) => boolean,
): Promise<string> {
  const enable = job.profile.enable!;
  const asksSecret = new RegExp(enable.passwordPrompt);
  const privileged = new RegExp(enable.privilegedPrompt);
  shell.send(enable.command);
  await shell.waitFor(
    (output) =>
      answerArrival(output, {
        command: enable.command,
        waits: (line) => asksSecret.test(line) || isPrompt(line),
        end: 'any',
      }),
    'enable_failed',
  );
  if (asksSecret.test(tailLine(shell.take()))) {
    if (job.enableSecret === null) throw new BackupError('enable_secret_missing', '');
    shell.send(job.enableSecret);
    await shell.waitFor(
      (output) => answerArrival(output, { command: null, waits: isPrompt, end: 'any' }),
      'enable_failed',
    );
  }
  const prompt = tailLine(shell.take());
  if (!privileged.test(prompt)) throw new BackupError('enable_failed', JSON.stringify(prompt));
  return prompt;
}
