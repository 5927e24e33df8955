import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../shared/contract/events';
import { EventRelay } from '../../electron/engine/cluster/event-relay';
import { EventBus } from '../../electron/engine/event-bus';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

// Two instances' event links on one real PostgreSQL (LISTEN/NOTIFY), in one process: what A's bus
// publishes, B's bus publishes after reading it back from the store.
let postgres: TestPostgres;
let repo: Repository;
const relays: EventRelay[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  repo = await openStore({ dialect: 'postgres', url: postgres.url });
}, 60_000);

afterAll(async () => {
  for (const relay of relays) await relay.stop();
  await repo?.close();
  await postgres?.stop();
});

async function instance(holder: string) {
  const bus = new EventBus();
  const heard: VigiaEvent[] = [];
  bus.subscribe((event) => heard.push(event));
  let inventoryChanges = 0;
  const relay = new EventRelay({
    url: postgres.url,
    holder,
    repo,
    bus,
    inventoryChanged: async () => void inventoryChanges++,
    groupsChanged: async () => undefined,
    log: () => undefined,
    flushMs: 10,
  });
  relays.push(relay);
  await relay.start();
  return { bus, heard, relay, inventoryChanges: () => inventoryChanges };
}

describe('the event link between instances', () => {
  it("relays another instance's import as one devices.upserted, and a single edit as device.upserted", async () => {
    const a = await instance('a/1/00000000');
    const b = await instance('b/1/00000000');
    const imported = await repo.devices.createMany(
      Array.from({ length: 300 }, (_, i) => ({
        name: `cpe ${i}`,
        host: `127.50.${i >> 8}.${i & 255}`,
        kind: 'cpe' as const,
      })),
    );
    a.bus.publish({ type: 'devices.upserted', devices: imported });
    await expect.poll(() => b.heard.length, { timeout: 20_000 }).toBe(1);
    expect(b.heard).toEqual([{ type: 'devices.upserted', devices: imported }]);
    expect(b.inventoryChanges()).toBe(1);

    const [first] = imported;
    const renamed = await repo.devices.update(first!.id, { name: 'renomeado' });
    a.bus.publish({ type: 'device.upserted', device: renamed });
    await expect.poll(() => b.heard.length, { timeout: 20_000 }).toBe(2);
    expect(b.heard[1]).toEqual({ type: 'device.upserted', device: renamed });
    // A hears nothing back of its own.
    await b.relay.idle();
    expect(a.heard.map((event) => event.type)).toEqual(['devices.upserted', 'device.upserted']);
  });
});
