import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runFault, type ScenarioResult } from './scenarios';
import { telegramDeliveries } from './tally';

const VOLUME_MB = 16;

/** Fills the volume holding `dir` to its last byte; returns the filler to delete when space returns. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // The last partial block: whatever bytes are still free.
    for (let size = block.length / 2; size >= 1; size = Math.floor(size / 2))
      try {
        writeSync(fd, block, 0, size);
      } catch {
        // this size did not fit; try half of it
      }
  } finally {
    closeSync(fd);
  }
  return filler;
}

/** Why this scenario cannot run here (it mounts a small tmpfs), or null. */
export const diskFullUnsupported = (): string | null =>
  process.getuid?.() === 0 ? null : 'mounting a small tmpfs needs root';

/**
 * The SQLite volume fills up while the engine writes (a tmpfs of 16 MB, filled to the last byte by
 * another file): monitoring goes on from memory, the health names the full disk, alarms and
 * outbox rows wait in memory (samples too, the oldest dropped past the bound), Telegram still
 * hears both changes; when space returns everything is written, and the database passes
 * `PRAGMA integrity_check`.
 */
export async function sqliteVolumeFull(seconds = 8): Promise<ScenarioResult> {
  const unsupported = diskFullUnsupported();
  if (unsupported) throw new Error(`sqlite_volume_full: ${unsupported}`);
  const volume = mkdtempSync(join(tmpdir(), `vigia-faults-full-${process.pid}-`));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_MB}m`, 'tmpfs', volume]);
  let filler = '';
  let healthProblem = '';
  let cyclesDuring = 0;
  let alertedWhileFull = 0;
  try {
    return await runFault({
      name: 'sqlite_volume_full',
      lastsMs: seconds * 1000,
      rig: { dir: volume, devices: 200 },
      async start(rig) {
        filler = fill(volume);
        const startedAt = performance.now();
        const heard = () => telegramDeliveries(rig.fake.sent.map((message) => message.text)).length;
        const heardBefore = heard();
        return async () => {
          healthProblem = rig.health.current().store.problem ?? 'none';
          cyclesDuring = rig.cycles.filter((at) => at > startedAt).length;
          alertedWhileFull = heard() - heardBefore;
          rmSync(filler);
        };
      },
      figures: (rig) => ({
        health_problem: healthProblem,
        cycles_while_full: cyclesDuring,
        alerted_while_full: alertedWhileFull,
        dropped_samples: rig.monitor.health().droppedSamples,
      }),
      async cleanup() {
        const db = new Database(join(volume, 'vigia.db'), { readonly: true });
        try {
          return { integrity: String(db.pragma('integrity_check', { simple: true })) };
        } finally {
          db.close();
        }
      },
    });
  } finally {
    execFileSync('umount', [volume]);
    rmdirSync(volume);
  }
}
