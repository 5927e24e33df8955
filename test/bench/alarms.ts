// npm run bench:alarms — 10,000 devices stop answering at once and later all come back: the
// alarms raised and cleared through the alarm service (batched) against one awaited write per
// alarm (the way before it), in the same run, on SQLite and PostgreSQL. Also the longest a store
// read waited and the longest the event loop was held meanwhile. Progress goes to stderr; stdout
// is one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoreConfig } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { batchedBurst, oneByOneBurst, type BurstFigures } from '../helpers/alarm-burst';
import { startTestPostgres } from '../helpers/postgres';

const DEVICES = 10_000;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function devices(repo: Repository, prefix: number): Promise<number[]> {
  const created = await repo.devices.createMany(
    Array.from({ length: DEVICES }, (_, i) => ({
      name: `dev ${i}`,
      host: `10.${prefix}.${i >> 8}.${i & 255}`,
    })),
  );
  return created.map((device) => device.id);
}

async function measure(
  config: StoreConfig,
): Promise<{ batched: BurstFigures; oneByOne: BurstFigures; speedup: { raise: number; clear: number } }> {
  const repo = await openStore(config);
  try {
    log(`${config.dialect}: one alarm per write…`);
    const oneByOne = await oneByOneBurst(repo, await devices(repo, 1));
    log(`${config.dialect}: batched through the service…`);
    const batched = await batchedBurst(repo, await devices(repo, 2));
    const ratio = (before: number, after: number) => Number((before / Math.max(1, after)).toFixed(1));
    return {
      batched,
      oneByOne,
      speedup: {
        raise: ratio(oneByOne.raiseMs, batched.raiseMs),
        clear: ratio(oneByOne.clearMs, batched.clearMs),
      },
    };
  } finally {
    await repo.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-bench-alarms-${process.pid}-`));
  const postgres = await startTestPostgres();
  try {
    const sqlite = await measure({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
    const postgresql = await measure({ dialect: 'postgres', url: postgres.url });
    process.stdout.write(`${JSON.stringify({ devices: DEVICES, sqlite, postgresql })}\n`);
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
