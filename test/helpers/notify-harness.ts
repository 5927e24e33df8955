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
  /**
   * Once this many messages were accepted, freeze the fake (every send hangs), kill the notifier
   * with SIGKILL and start it again: a crash during a network outage.
   */
  restartAfterMessages: number | null;
  /** Kill and restart the notifier this many times at random moments of the batch, no freeze. */
  randomKills?: number;
  /**
   * Kill and restart the notifier this many times the instant the fake accepted a message, before
   * the notifier can record it as sent: the one window the outbox cannot close.
   */
  acceptWindowKills?: number;
  timeoutMs: number;
  seed?: number;
}

export interface NotifyOutcome {
  /** What the scenario raised: two events per alarm. */
  events: number;
  /** Events the notifier process printed as published (a kill may cut one off before printing). */
  reported: number;
  /** Distinct events found in what the fake accepted. */
  delivered: number;
  duplicates: number;
  lost: number;
  /** Alarm event to the message that carried it, per event (first delivery). */
  latenciesMs: number[];
  messages: number;
  injectedFaults: number;
  restarts: number;
  randomKills: number;
  acceptWindowKills: number;
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
export function deliveredKeys(texts: string[]): string[] {
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
 * Alarm events through a notifier process to the fake Telegram, with injected faults and SIGKILLs
 * (frozen, at random moments, in the accept window): every event is looked for in what the fake
 * accepted, once.
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
  const started = Date.now();
  const deadline = started + scenario.timeoutMs;
  // Random moments within the batch (seeded), soonest first.
  const randomKillAt = Array.from(
    { length: scenario.randomKills ?? 0 },
    () => started + 500 + random() * scenario.spreadMs,
  ).sort((a, b) => a - b);
  let randomKills = 0;
  let acceptWindowKills = 0;
  let acceptedSinceStart = 0;
  // Spread over the batch: the next accept-window kill waits for a few messages of the new process.
  const acceptGap = Math.max(1, Math.floor(scenario.chats / 2));
  fake.onSent = () => {
    acceptedSinceStart++;
    if (acceptWindowKills >= (scenario.acceptWindowKills ?? 0) || acceptedSinceStart < acceptGap) return;
    acceptWindowKills++;
    // Synchronously, before the fake answers: the notifier dies with the message accepted and not
    // yet recorded as sent.
    child.kill('SIGKILL');
  };
  const restart = async () => {
    await kill(child, 'SIGKILL');
    restarts++;
    acceptedSinceStart = 0;
    // Killed while publishing or not, the new process carries on where the old one stopped.
    child = startChild(options, record, markPublished);
  };
  const allDelivered = () => {
    const seen = new Set(deliveredKeys(fake.sent.map((message) => message.text)));
    return [...events.keys()].every((key) => seen.has(key));
  };
  try {
    while (Date.now() < deadline) {
      await sleep(Math.max(1, Math.min(100, (randomKillAt[0] ?? Infinity) - Date.now())));
      if (child.signalCode === 'SIGKILL') {
        await restart();
        continue;
      }
      if (randomKillAt.length > 0 && Date.now() >= randomKillAt[0]!) {
        randomKillAt.shift();
        randomKills++;
        await restart();
        continue;
      }
      const restartDue = scenario.restartAfterMessages !== null && restarts === 0;
      if (restartDue && fake.sent.length >= scenario.restartAfterMessages!) {
        frozen = true;
        await sleep(300);
        await kill(child, 'SIGKILL');
        frozen = false;
        await restart();
        continue;
      }
      // Kills still planned once everything arrived are dropped: there is nothing left to cut.
      if (!restartDue && published && allDelivered()) break;
    }
  } finally {
    fake.onSent = null;
    // SIGTERM stops the notifier gracefully, its sends in flight settled: what the fake holds
    // afterwards is final, with no wait for a late duplicate that a slow machine could outrun.
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
  // Counted against what the scenario raised (each alarm down, then back), not against what the
  // notifier said it published: an event raised just before a kill is never printed, yet owed.
  const expected = scenario.alarms * 2;
  let duplicates = 0;
  for (const count of counts.values()) duplicates += count - 1;
  const latenciesMs: number[] = [];
  for (const [key, at] of events) if (firstAt.has(key)) latenciesMs.push(firstAt.get(key)! - at);
  return {
    events: expected,
    reported: events.size,
    delivered: counts.size,
    duplicates,
    lost: expected - counts.size,
    latenciesMs,
    messages: fake.sent.length,
    injectedFaults,
    restarts,
    randomKills,
    acceptWindowKills,
  };
}
