import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { seededRandom } from '../../electron/engine/demo/random';
import { FakeTelegram, type TelegramFault } from './fake-telegram';
import type { NotifyChildOptions } from './notify-child';

export interface NotifyScenario {
  alarms: number;
  chats: number;
  spreadMs: number;
  groupWindowS: number;
  /** Share of sendMessage calls answered with a fault (429, 500, dropped, hung). */
  failureRate: number;
  /** Kill the notifier with SIGKILL once this many messages were accepted, then start it again. */
  restartAfterMessages: number | null;
  timeoutMs: number;
  seed?: number;
}

export interface NotifyOutcome {
  events: number;
  delivered: number;
  duplicates: number;
  lost: number;
  /** Alarm event to the message that carried it, per event (first delivery). */
  latenciesMs: number[];
  messages: number;
  injectedFaults: number;
  restarts: number;
}

const root = resolve(import.meta.dirname, '../..');
const faultKinds: TelegramFault[] = ['429', '500', 'drop', 'hang'];
const LINE = /^(✅|🔴|🟠|🟡|🔵) #(\d+)/u;

function startChild(
  options: NotifyChildOptions,
  onEvent: (key: string, at: number) => void,
  onPublished: () => void,
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/helpers/notify-child.ts')], {
    cwd: root,
    env: { ...process.env, VIGIA_NOTIFY_CHILD: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const parsed = JSON.parse(line) as { alarm?: number; kind?: string; at?: number; published?: boolean };
    if (parsed.alarm !== undefined) onEvent(`${parsed.kind}:${parsed.alarm}`, parsed.at!);
    if (parsed.published) onPublished();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (process.env.VIGIA_NOTIFY_DEBUG) process.stderr.write(chunk);
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

/** "raised:12", "cleared:12" for every event line of these messages. */
function deliveredKeys(texts: string[]): string[] {
  const keys: string[] = [];
  for (const text of texts)
    for (const line of text.split('\n')) {
      const match = LINE.exec(line);
      if (match) keys.push(`${match[1] === '✅' ? 'cleared' : 'raised'}:${match[2]}`);
    }
  return keys;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Alarm events through a notifier process to the fake Telegram, with injected faults and a
 * SIGKILL mid-batch: every event is looked for in what the fake accepted, once.
 */
export async function runNotifyScenario(scenario: NotifyScenario): Promise<NotifyOutcome> {
  const chats = Array.from({ length: scenario.chats }, (_, index) => String(-1_000_000 - index));
  const fake = new FakeTelegram(chats);
  const apiRoot = await fake.listen();
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-notify-'));
  const random = seededRandom(scenario.seed ?? 7);
  let injectedFaults = 0;
  let frozen = false;
  fake.decide = () => {
    // A crash during a network outage: nothing more is answered until the notifier is gone.
    if (frozen) return 'hang';
    if (random() >= scenario.failureRate) return null;
    injectedFaults++;
    return faultKinds[Math.floor(random() * faultKinds.length)]!;
  };
  const events = new Map<string, number>();
  const options: NotifyChildOptions = {
    dataDir,
    apiRoot,
    chats,
    alarms: scenario.alarms,
    spreadMs: scenario.spreadMs,
    groupWindowS: scenario.groupWindowS,
  };
  const record = (key: string, at: number) => events.set(key, at);
  let published = false;
  const markPublished = () => (published = true);
  let child = startChild(options, record, markPublished);
  let restarts = 0;
  const deadline = Date.now() + scenario.timeoutMs;
  const allDelivered = () => {
    const seen = new Set(deliveredKeys(fake.sent.map((message) => message.text)));
    return [...events.keys()].every((key) => seen.has(key));
  };
  try {
    while (Date.now() < deadline) {
      await sleep(100);
      const restartDue = scenario.restartAfterMessages !== null && restarts === 0;
      if (restartDue && fake.sent.length >= scenario.restartAfterMessages!) {
        frozen = true;
        await sleep(300);
        await kill(child, 'SIGKILL');
        frozen = false;
        restarts++;
        // Killed while publishing or not, the new process carries on where the old one stopped.
        child = startChild(options, record, markPublished);
        continue;
      }
      if (!restartDue && published && allDelivered()) break;
    }
    await sleep(500);
  } finally {
    await kill(child, 'SIGTERM');
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const message of fake.sent)
    for (const key of deliveredKeys([message.text])) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!firstAt.has(key)) firstAt.set(key, message.at);
    }
  let duplicates = 0;
  let deliveredCount = 0;
  const latenciesMs: number[] = [];
  for (const [key, at] of events) {
    const count = counts.get(key) ?? 0;
    if (count > 0) {
      deliveredCount++;
      latenciesMs.push(firstAt.get(key)! - at);
    }
    duplicates += Math.max(0, count - 1);
  }
  return {
    events: events.size,
    delivered: deliveredCount,
    duplicates,
    lost: events.size - deliveredCount,
    latenciesMs,
    messages: fake.sent.length,
    injectedFaults,
    restarts,
  };
}
