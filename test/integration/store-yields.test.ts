import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInput, PingSample } from '../../shared/contract/entities';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { storeAlarm } from '../helpers/alarms';

// SQLite's driver is synchronous: a big write the engine makes must still leave its event loop
// turns to answer calls. Counted here as the turns other work got while the write ran.
const dir = mkdtempSync(join(tmpdir(), 'vigia-store-yields-'));
let repo: Repository;

beforeAll(async () => {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
});
afterAll(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` while counting the event-loop turns other work gets meanwhile. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    done = true;
  }
}

const rows = (count: number, prefix: number): DeviceInput[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `cpe ${prefix}.${i}`,
    host: `10.${prefix}.${(i >> 8) & 255}.${i & 255}`,
    kind: 'cpe',
  }));

describe('big SQLite writes leave the event loop turns', () => {
  it('imports 5,000 devices in one transaction of short statements', async () => {
    const { result, turns } = await turnsDuring(() => repo.devices.createMany(rows(5_000, 1)));
    expect(result).toHaveLength(5_000);
    // 250 rows per statement: 20 statements, a turn between each.
    expect(turns).toBeGreaterThanOrEqual(19);
  });

  it('still imports all or nothing: a conflict in the last statement leaves no new row', async () => {
    const batch = rows(2_000, 2);
    batch[1_999] = { name: 'duplicado', host: '10.1.0.0', kind: 'cpe' };
    await expect(repo.devices.createMany(batch)).rejects.toThrow(/already exists/);
    expect(await repo.devices.list()).toHaveLength(5_000);
  });

  it('runs 1,000 writes in a row (alarms raised one by one) without holding the loop', async () => {
    const ids = (await repo.devices.list()).slice(0, 1_000).map((device) => device.id);
    const { turns } = await turnsDuring(async () => {
      for (const deviceId of ids) await storeAlarm(repo, { deviceId, raisedAt: 1_000 });
    });
    // Each write takes well over 8 ms / 1,000 here, so the writer yields many times.
    expect(turns).toBeGreaterThan(10);
  });

  it('records 5,000 state changes (a whole network going down) in short statements', async () => {
    const ids = (await repo.devices.list()).map((device) => device.id);
    const changes = ids.map((deviceId) => ({
      deviceId,
      state: 'down' as const,
      since: 5_000,
      lastCheck: 5_000,
      rttMs: null,
      lossPct: 100,
      cause: null,
    }));
    const { turns } = await turnsDuring(() => repo.history.recordStateChanges(changes));
    // 500 rows per statement: 10 statements, a turn between each.
    expect(turns).toBeGreaterThanOrEqual(9);
    const recorded = await repo.history.stateChanges(5_000, 5_001);
    expect(recorded).toHaveLength(5_000);
    expect(recorded.every((change) => change.state === 'down' && change.at === 5_000)).toBe(true);
  });

  it('deletes old samples of 5,000 devices in short batches', async () => {
    const ids = (await repo.devices.list()).map((device) => device.id);
    const old: PingSample[] = ids.flatMap((deviceId) =>
      [1, 2, 3].map((k) => ({
        deviceId,
        at: k,
        rttMs: 3,
        minMs: 2,
        maxMs: 4,
        jitterMs: 0.1,
        lossPct: 0,
        state: 'up' as const,
      })),
    );
    await repo.ping.insertSamples(old);
    const { result, turns } = await turnsDuring(() => repo.ping.deleteSamplesBefore(10));
    expect(result).toBe(15_000);
    // 100 devices per batch: 50 batches, a turn between each.
    expect(turns).toBeGreaterThanOrEqual(49);
  });
});
