import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Alarm } from '../../shared/contract/entities';
import { FakeTelegram } from '../helpers/fake-telegram';
import { CHAT, FaultRig, until } from './rig';
import { INTERVAL_MS, RECOVERY_TIMEOUT_MS, type ScenarioResult } from './scenarios';
import { tally, telegramDeliveries } from './tally';

export interface KilledResult extends ScenarioResult {
  /** From the kill until the restarted engine had run a cycle on a store holding everything. */
  recovery_s: number;
  /**
   * From the kill until every alert the dead engine owed and the restart's own had reached
   * Telegram — paced by the chat's 20 messages a minute, not by the restart.
   */
  delivered_s: number;
}

/**
 * The engine killed with SIGKILL in the middle of heavy writes (a tenth of `devices` changing
 * state every 300 ms cycle), then started again on the same store: every alarm change it had
 * published is stored, and every alert reaches Telegram once.
 */
export async function engineKilled(devices = 2_000, changes = 600): Promise<KilledResult> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-faults-kill-${process.pid}-`));
  const fake = new FakeTelegram([CHAT]);
  const apiRoot = await fake.listen();
  const published: FaultRig['published'] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'engine-child.ts')], {
    env: { ...process.env, VIGIA_FAULT_CHILD: JSON.stringify({ dir, apiRoot, devices }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const parsed = JSON.parse(line) as { kind?: 'raised' | 'cleared'; alarm?: Alarm };
    if (parsed.kind && parsed.alarm) published.push({ kind: parsed.kind, alarm: parsed.alarm });
  });
  await until(() => published.length >= changes, 120_000);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const killedAt = performance.now();
  const rig = await FaultRig.start({ devices, intervalMs: INTERVAL_MS, dir, seed: false }, { fake, apiRoot });
  const stored = () =>
    rig.repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 100_000 });
  const count = async () =>
    tally([...published, ...rig.published], await stored(), [
      telegramDeliveries(fake.sent.map((message) => message.text)),
    ]);
  try {
    // Monitoring is back once a cycle ran and the store holds what the dead engine published.
    await until(
      async () => rig.cycles.length > 0 && (await count()).lost_alarms === 0,
      RECOVERY_TIMEOUT_MS,
    ).catch(() => undefined);
    const recoveryS = (performance.now() - killedAt) / 1000;
    // Everything answers again: the restarted engine clears what the dead one left open.
    await until(async () => {
      const open = (await stored()).filter((alarm) => alarm.state !== 'cleared').length;
      if (open > 0 || !rig.settled() || (await rig.repo.outbox.stats(0)).pending > 0) return false;
      return (await count()).lost_notifications === 0;
    }, RECOVERY_TIMEOUT_MS).catch(() => undefined);
    const deliveredS = (performance.now() - killedAt) / 1000;
    return {
      scenario: 'engine_killed_9_heavy_writes',
      ...(await count()),
      recovery_s: Math.round(recoveryS * 10) / 10,
      delivered_s: Math.round(deliveredS * 10) / 10,
    };
  } finally {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
