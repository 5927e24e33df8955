import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEngine } from '../../../electron/engine/start-engine';
import { MemoryUplink } from '../../../electron/engine/outage/memory-uplink';
import type { VigiaEvent } from '../../../shared/contract/events';
import { defaultNotifyConfig } from '../../../shared/domain/notify/defaults';
import { FAKE_TOKEN, FakeTelegram } from '../../helpers/fake-telegram';
import { ScriptedTransport } from '../../helpers/scripted-transport';
import { startTestEngine } from '../../helpers/test-engine';

// "Is it us?" end to end: the engine as the app runs it, a scripted network of 10,000 devices
// without towers or parents, an uplink signal set by the test, and a local fake of Telegram.
const DEVICES = 10_000;
const CHAT = '-1001';

let engine: RunningEngine;
let stopEngine: () => Promise<void>;
let fake: FakeTelegram;
let ids: number[];
let apiRoot: string;
const transport = new ScriptedTransport();
const uplink = new MemoryUplink();
const events: VigiaEvent[] = [];
/** Cycle durations (ms) measured here, printed at the end for the report. */
const figures: Record<string, number> = {};

const outbox = () => engine.repo.outbox.stats(0);
/** Open alarms of a source as the store holds them. */
const openCount = async (source: 'icmp' | 'monitor') =>
  (await engine.repo.alarms.open()).filter((alarm) => alarm.source === source).length;
/**
 * Waits until the store holds `count` open alarms of a source: the alarm service decides at once
 * and, when a loaded machine's store takes longer than a stall, writes them behind.
 */
const storeHolds = (source: 'icmp' | 'monitor', count: number) =>
  vi.waitFor(async () => expect(await openCount(source)).toBe(count), { timeout: 60_000, interval: 100 });

/** One cycle over every device, as the monitor's own timer runs it; returns its duration. */
async function cycle(): Promise<number> {
  const started = performance.now();
  await engine.call('devices.pingNow', { ids });
  return performance.now() - started;
}

/**
 * Waits until Telegram got `count` messages and nothing more is pending. The deadline is a loaded
 * machine's: a cycle's 10,000 alarm writes go first through the store's one writer, and a quiet
 * machine's second becomes tens of seconds with other jobs on the two cores.
 */
async function messagesSettle(count: number): Promise<string[]> {
  await vi.waitFor(
    async () => {
      expect(fake.sent.length).toBe(count);
      expect((await outbox()).pending).toBe(0);
    },
    { timeout: 60_000, interval: 50 },
  );
  return fake.sent.map((message) => message.text);
}

beforeAll(async () => {
  fake = new FakeTelegram([CHAT]);
  apiRoot = await fake.listen();
  ({ engine, stop: stopEngine } = await startTestEngine('outage', {
    demo: false,
    pingTransport: transport,
    uplink,
    allowLoopbackDestinations: true,
  }));
  engine.subscribe((event) => events.push(event));
  await engine.call('notify.config.set', {
    config: {
      ...defaultNotifyConfig,
      groupWindowS: 1,
      telegram: {
        enabled: true,
        apiRoot,
        perChatPerMinute: 20,
        chats: [
          {
            chatId: CHAT,
            name: 'NOC',
            language: 'pt-BR',
            severities: ['critical', 'major', 'minor', 'warning', 'info'],
            towerIds: null,
            recoveries: true,
            commands: false,
          },
        ],
      },
    },
    telegramToken: FAKE_TOKEN,
  });
  const rows = Array.from({ length: DEVICES }, (_, i) => ({
    name: `cpe-${i + 1}`,
    host: `127.30.${(i >> 8) & 255}.${i & 255}`,
    kind: 'cpe' as const,
  }));
  await engine.call('devices.importMany', { rows });
  ids = (await engine.call('devices.list', undefined)).map((device) => device.id);
  // Two answered checks in a row make a new device up.
  await cycle();
  await cycle();
  const up = (await engine.call('status.snapshot', undefined)).filter((s) => s.state === 'up');
  expect(up).toHaveLength(DEVICES);
}, 240_000);

afterAll(async () => {
  console.log(`outage figures ${JSON.stringify(figures)}`);
  await stopEngine?.();
  await fake?.close();
});

describe('debug', () => {
  it('first', async () => {
    transport.setDown(ids);
    const t0 = Date.now();
    figures.down_ms_mass_outage = Math.round(await cycle());
    console.log('cycle', Date.now() - t0);
    for (let i = 0; i < 90; i++) {
      const st = await engine.call('notify.status', undefined);
      console.log(Math.round((Date.now() - t0) / 1000), 'sent', fake.sent.length, 'outbox', JSON.stringify(await outbox()), 'status', JSON.stringify(st).slice(0, 400), 'open', await openCount('icmp'), 'health', JSON.stringify(engine.health?.() ?? null).slice(0, 300));
      if (fake.sent.length > 0) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }, 200_000);
});
