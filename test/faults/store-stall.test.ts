import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { PausableProxy } from '../helpers/pausable-proxy';
import { FaultRig, until } from './rig';
import { tally, telegramDeliveries } from './tally';

const STALL_MS = 40_000;
const INTERVAL_MS = 1_000;

/**
 * The shared PostgreSQL freezes for 40 s (every connection open, nothing answered — as with the
 * server stopped by SIGSTOP): monitoring, alarm decisions and Telegram go on from memory, the
 * dashboard says in words what is wrong, and once the store answers it holds every alarm and
 * every notification exactly once.
 */
describe('store stall', () => {
  let postgres: TestPostgres;
  let proxy: PausableProxy;
  let rig: FaultRig;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const url = new URL(postgres.url);
    proxy = new PausableProxy(Number(url.port));
    url.port = String(await proxy.listen());
    rig = await FaultRig.start({
      store: () => ({ dialect: 'postgres', url: url.toString() }),
      devices: 50,
      intervalMs: INTERVAL_MS,
    });
  }, 120_000);

  afterAll(async () => {
    proxy?.resume();
    await rig?.stop();
    await proxy?.close();
    await postgres?.stop();
  }, 60_000);

  it('goes on monitoring and notifying through a 40 s freeze, and loses or repeats nothing', async () => {
    const [before, during] = [rig.devices[0]!, rig.devices[1]!];
    rig.transport.setDown([before.id]);
    await until(() => rig.fake.sent.some((message) => message.text.includes(before.name)));
    await until(async () => rig.settled() && (await rig.repo.outbox.stats(0)).sent === 1);

    proxy.pause();
    const frozenAt = performance.now();
    const cyclesBefore = rig.cycles.length;
    // During the freeze: one device goes down, the other comes back. Both reach Telegram now.
    rig.transport.setDown([during.id]);
    rig.transport.setDown([before.id], false);
    await until(() => rig.fake.sent.some((message) => message.text.includes(during.name)), 15_000);
    await until(() => rig.fake.sent.some((message) => message.text.includes('✅')), 15_000);
    const notifiedAfterMs = performance.now() - frozenAt;
    await until(() => performance.now() - frozenAt >= STALL_MS - 5_000, STALL_MS);
    const health = rig.health.current();
    await until(() => performance.now() - frozenAt >= STALL_MS, 10_000);
    const cyclesDuring = rig.cycles.filter((at) => at > frozenAt).length;
    proxy.resume();
    const resumedAt = performance.now();

    // The store is back: everything queued lands, in order, within two cycles.
    await until(() => rig.settled(), 2 * INTERVAL_MS + 5_000);
    const recoveryMs = performance.now() - resumedAt;
    await rig.alarms.idle();
    await until(async () => (await rig.repo.outbox.stats(0)).pending === 0);

    expect(notifiedAfterMs).toBeLessThan(STALL_MS / 2);
    expect(cyclesDuring).toBeGreaterThanOrEqual(30);
    expect(rig.cycles.length - cyclesBefore).toBeGreaterThanOrEqual(cyclesDuring);
    expect(health.storeOk).toBe(false);
    expect(health.store.problem).toBe('stalled');
    expect(health.store.silentS).toBeGreaterThanOrEqual(30);
    expect(health.store.queued).toBeGreaterThan(0);
    expect(recoveryMs).toBeLessThan(2 * INTERVAL_MS + 5_000);

    const stored = await rig.repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 100 });
    expect(stored.filter((alarm) => alarm.state !== 'cleared').map((alarm) => alarm.params.device)).toEqual([
      during.name,
    ]);
    expect(stored.find((alarm) => alarm.params.device === before.name)?.state).toBe('cleared');
    expect(
      tally(rig.published, stored, [telegramDeliveries(rig.fake.sent.map((message) => message.text))]),
    ).toEqual({ lost_alarms: 0, lost_notifications: 0, duplicated_notifications: 0 });
    expect(rig.published).toHaveLength(3);
    // Every message of the outbox is stored once, as sent.
    const outbox = await rig.repo.outbox.stats(0);
    expect(outbox).toEqual({ pending: 0, failed: 0, sent: 3 });
    // Samples taken while frozen were written afterwards.
    const samples = await rig.repo.ping.samples(during.id, 0, Date.now() + 1);
    expect(samples.length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
