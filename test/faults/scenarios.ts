import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Alarm } from '../../shared/contract/entities';
import { FakeTelegram } from '../helpers/fake-telegram';
import { PausableProxy } from '../helpers/pausable-proxy';
import { startTestPostgres } from '../helpers/postgres';
import { CHAT, FaultRig, until, type RigOptions } from './rig';
import { tally, type Tally } from './tally';

export interface ScenarioResult extends Tally {
  scenario: string;
  /** From the end of the fault until everything queued landed and every alert went out. */
  recovery_s: number;
}

export const INTERVAL_MS = 1_000;
const RECOVERY_TIMEOUT_MS = 120_000;

interface Fault {
  name: string;
  rig?: Partial<RigOptions>;
  /** Breaks something; the returned function mends it. */
  start(rig: FaultRig): Promise<() => Promise<void>>;
  /** How long the fault lasts, in real time. */
  lastsMs: number;
  /** Tears down what the fault set up around the rig (a PostgreSQL). */
  cleanup?(): Promise<void>;
}

/**
 * One scenario: a device already down before the fault; during it, a second goes down and the
 * first comes back; after it, everything must be stored and alerted exactly once.
 */
async function run(fault: Fault): Promise<ScenarioResult> {
  const rig = await FaultRig.start({ devices: 20, intervalMs: INTERVAL_MS, ...fault.rig });
  try {
    const [before, during] = [rig.devices[0]!, rig.devices[1]!];
    rig.transport.setDown([before.id]);
    await until(async () => rig.settled() && (await rig.repo.outbox.stats(0)).sent === 1);
    const mend = await fault.start(rig);
    const startedAt = performance.now();
    rig.transport.setDown([during.id]);
    rig.transport.setDown([before.id], false);
    await until(() => performance.now() - startedAt >= fault.lastsMs, fault.lastsMs + 10_000);
    await mend();
    const mendedAt = performance.now();
    await until(async () => {
      if (!rig.settled() || (await rig.repo.outbox.stats(0)).pending > 0) return false;
      return (await outcome(rig)).lost_notifications === 0;
    }, RECOVERY_TIMEOUT_MS).catch(() => undefined);
    const recoveryS = (performance.now() - mendedAt) / 1000;
    return { scenario: fault.name, ...(await outcome(rig)), recovery_s: Math.round(recoveryS * 10) / 10 };
  } finally {
    await rig.stop();
    await fault.cleanup?.();
  }
}

async function outcome(rig: FaultRig): Promise<Tally> {
  const stored = await rig.repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 10_000 });
  return tally(
    rig.published,
    stored,
    rig.fake.sent.map((message) => message.text),
  );
}

/** PostgreSQL behind a relay the scenario freezes (every connection open, nothing answered). */
async function postgresFault(
  name: string,
  lastsMs: number,
  mode: 'freeze' | 'stop',
): Promise<ScenarioResult> {
  const postgres = await startTestPostgres();
  const url = new URL(postgres.url);
  const proxy = new PausableProxy(Number(url.port));
  url.port = String(await proxy.listen());
  return run({
    name,
    lastsMs,
    rig: { store: () => ({ dialect: 'postgres', url: url.toString() }) },
    async start() {
      if (mode === 'freeze') {
        proxy.pause();
        return async () => proxy.resume();
      }
      await proxy.cut();
      return () => proxy.restore();
    },
    async cleanup() {
      await proxy.close();
      await postgres.stop();
    },
  });
}

/** The shared PostgreSQL frozen (SIGSTOP-like) for `seconds`. */
export const postgresFrozen = (seconds: number) =>
  postgresFault(`postgres_frozen_${seconds}s`, seconds * 1000, 'freeze');

/** PostgreSQL gone for `seconds` (connections reset, new ones refused), then back on its port. */
export const postgresStopped = (seconds: number) =>
  postgresFault(`postgres_stopped_${seconds}s`, seconds * 1000, 'stop');

/** The engine's clock jumps an hour forward, then an hour back, while devices change state. */
export function clockJumps(): Promise<ScenarioResult> {
  let offset = 0;
  return run({
    name: 'clock_forward_and_back_1h',
    lastsMs: 6_000,
    rig: { now: () => Date.now() + offset },
    async start() {
      offset = 3_600_000;
      setTimeout(() => (offset = 0), 3_000);
      return async () => undefined;
    },
  });
}

/**
 * Telegram answers 500 for an hour of the engine's time (accelerated `speedup` times), then
 * accepts again: every alert of the hour goes out once, none twice.
 */
export function telegramDown(speedup: number): Promise<ScenarioResult> {
  const origin = Date.now();
  const lastsMs = 3_600_000 / speedup;
  return run({
    name: 'telegram_down_1h',
    lastsMs,
    rig: { now: () => origin + (Date.now() - origin) * speedup },
    async start(rig) {
      rig.fake.decide = () => '500';
      return async () => {
        rig.fake.decide = null;
      };
    },
  });
}

/**
 * The engine killed with SIGKILL in the middle of heavy writes (a tenth of 2,000 devices changing
 * state every cycle), then started again on the same store: every alarm change it had published is
 * stored, and every alert reaches Telegram once.
 */
export async function engineKilled(): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-faults-kill-${process.pid}-`));
  const fake = new FakeTelegram([CHAT]);
  const apiRoot = await fake.listen();
  const published: FaultRig['published'] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'engine-child.ts')], {
    env: { ...process.env, VIGIA_FAULT_CHILD: JSON.stringify({ dir, apiRoot, devices: 2_000 }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const parsed = JSON.parse(line) as { kind?: 'raised' | 'cleared'; alarm?: Alarm };
    if (parsed.kind && parsed.alarm) published.push({ kind: parsed.kind, alarm: parsed.alarm });
  });
  await until(() => published.length >= 600, 120_000);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const killedAt = performance.now();
  const rig = await FaultRig.start(
    { devices: 2_000, intervalMs: INTERVAL_MS, dir, seed: false },
    { fake, apiRoot },
  );
  try {
    // Everything answers again: the restarted engine clears what the dead one left open.
    await until(async () => {
      const all = [...published, ...rig.published];
      const stored = await rig.repo.alarms.list({
        states: ['active', 'acknowledged', 'cleared'],
        limit: 100_000,
      });
      const open = stored.filter((alarm) => alarm.state !== 'cleared').length;
      if (open > 0 || !rig.settled() || (await rig.repo.outbox.stats(0)).pending > 0) return false;
      return (
        tally(
          all,
          stored,
          fake.sent.map((message) => message.text),
        ).lost_notifications === 0
      );
    }, RECOVERY_TIMEOUT_MS).catch(() => undefined);
    const recoveryS = (performance.now() - killedAt) / 1000;
    const stored = await rig.repo.alarms.list({
      states: ['active', 'acknowledged', 'cleared'],
      limit: 100_000,
    });
    return {
      scenario: 'engine_killed_9_heavy_writes',
      ...tally(
        [...published, ...rig.published],
        stored,
        fake.sent.map((message) => message.text),
      ),
      recovery_s: Math.round(recoveryS * 10) / 10,
    };
  } finally {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
