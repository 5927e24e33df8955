import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEngine } from '../../electron/engine/start-engine';
import { MemoryUplink } from '../../electron/engine/outage/memory-uplink';
import type { VigiaEvent } from '../../shared/contract/events';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { FAKE_TOKEN, FakeTelegram, everyAlertChat } from '../helpers/fake-telegram';
import { ScriptedTransport } from '../helpers/scripted-transport';
import { startTestEngine } from '../helpers/test-engine';

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
        chats: [everyAlertChat(CHAT)],
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

describe('10,000 devices stop answering in one cycle: a mass outage', () => {
  it('keeps the 10,000 device alarms, raises one mass outage and sends one message', async () => {
    transport.setDown(ids);
    figures.down_ms_mass_outage = Math.round(await cycle());
    await storeHolds('icmp', DEVICES);
    const [mass] = engine.alarms.openAlarms('monitor');
    expect(mass).toMatchObject({
      type: 'mass-outage',
      severity: 'critical',
      affected: DEVICES,
      params: { count: DEVICES, share: 100 },
    });
    expect(engine.alarms.openAlarms('icmp').every((a) => a.params.cause === 'monitor:mass-outage')).toBe(
      true,
    );
    expect(await engine.call('outage.status', undefined)).toMatchObject({
      uplink: { down: false, failing: [] },
      massOutage: { since: mass!.raisedAt, count: DEVICES },
    });

    const [message] = await messagesSettle(1);
    expect(message!.split('\n')).toEqual([
      expect.stringMatching(
        /^🔴 #\d+ · Queda em massa — o problema é nosso\? 10\.000 dispositivos \(100% dos monitorados\) pararam de responder juntos, sem uma torre ou um pai em comum desde .+ afetados: 10000$/,
      ),
    ]);
    expect(await outbox()).toEqual({ pending: 0, failed: 0, sent: 1 });
  }, 150_000);

  it('sends one recovery summary when they come back, with the ones still down', async () => {
    const stillDown = ids.slice(0, 3);
    transport.setDown(ids.slice(3), false);
    // Two answered checks in a row bring a device back up.
    const first = await cycle();
    figures.up_ms_mass_outage = Math.round(first + (await cycle()));
    expect(engine.alarms.openAlarms('monitor')).toEqual([]);
    // The three still down are ordinary alarms now: no cause, and notified on their own.
    const open = engine.alarms.openAlarms('icmp');
    expect(open.map((a) => a.params)).toEqual([
      { device: 'cpe-1' },
      { device: 'cpe-2' },
      { device: 'cpe-3' },
    ]);
    const texts = await messagesSettle(2);
    const lines = texts[1]!.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('Vigia — 4 eventos');
    expect(lines[1]).toMatch(/^✅ #\d+ · normalizado após \d+ s$/);
    expect(lines[2]).toBe('Fim da queda em massa: 9.997 voltaram; 3 ainda fora: cpe-1, cpe-2, cpe-3');
    expect(lines.slice(3).map((line) => line.replace(/desde .*$/, ''))).toEqual(
      ['cpe-1', 'cpe-2', 'cpe-3'].map((name) => expect.stringMatching(new RegExp(`^🟠 #\\d+ ${name} \\(`))),
    );
    // They come back: ordinary recoveries.
    transport.setDown(stillDown, false);
    await cycle();
    await cycle();
    const after = await messagesSettle(3);
    expect(after[2]!.split('\n')).toHaveLength(4);
    // One outbox row per event: the mass outage, its summary, three raised and three recovered.
    expect(await outbox()).toEqual({ pending: 0, failed: 0, sent: 8 });
  }, 150_000);
});

describe('the NOC uplink down', () => {
  it('is one alarm and one message; the outages meanwhile are held and summarised when it returns', async () => {
    const sentBefore = fake.sent.length;
    uplink.set({ down: true, since: new Date().toISOString(), failing: ['DNS 1', 'HTTPS portal'] });
    await vi.waitFor(() => expect(engine.alarms.openAlarms('monitor')).toHaveLength(1), { timeout: 15_000 });
    expect(engine.alarms.openAlarms('monitor')[0]).toMatchObject({
      type: 'uplink-down',
      severity: 'critical',
      params: { failing: 'DNS 1, HTTPS portal' },
    });
    expect(events.filter((e) => e.type === 'outage.changed').at(-1)).toMatchObject({
      status: { uplink: { down: true, failing: ['DNS 1', 'HTTPS portal'] }, massOutage: null },
    });
    // Ten devices fall meanwhile (too few for a mass outage): symptoms, held.
    const ten = ids.slice(100, 110);
    transport.setDown(ten);
    await cycle();
    await storeHolds('icmp', 10);
    let texts = await messagesSettle(sentBefore + 1);
    expect(texts.at(-1)).toMatch(
      /^🔴 #\d+ · Uplink da NOC fora: todas as verificações de uplink falham \(DNS 1, HTTPS portal\); as quedas que forem sintoma dele ficam retidas desde /,
    );
    // Eight come back while it is down; then the uplink returns.
    transport.setDown(ten.slice(0, 8), false);
    await cycle();
    await cycle();
    uplink.set({ down: false, since: new Date().toISOString(), failing: [] });
    await vi.waitFor(() => expect(engine.alarms.openAlarms('monitor')).toHaveLength(0), { timeout: 15_000 });
    texts = await messagesSettle(sentBefore + 2);
    const lines = texts.at(-1)!.split('\n');
    expect(lines[0]).toBe('Vigia — 3 eventos');
    expect(lines[2]).toBe(
      'Uplink da NOC de volta: 8 alarmes retidos se resolveram; 2 ainda fora: cpe-109, cpe-110',
    );
    expect(lines).toHaveLength(5);
    transport.setDown(ten, false);
    await cycle();
    await cycle();
  }, 150_000);
});

describe('the simulated uplink', () => {
  it('is the demo network’s alone', async () => {
    await expect(engine.call('outage.demoUplink', { down: true })).rejects.toThrow(
      'Só a rede de demonstração (--demo) simula a queda do uplink.',
    );
    expect((await engine.call('outage.status', undefined)).uplink.down).toBe(false);
  });
});

describe('before: the same 10,000 without the mass-outage verdict', () => {
  it('is 10,000 alarms of their own (cycles measured beside the mass outage above)', async () => {
    // Telegram off: 10,000 separate events would take minutes to queue and send.
    const { config } = await engine.call('notify.config.get', undefined);
    await engine.call('notify.config.set', {
      config: { ...config, telegram: { ...config.telegram, enabled: false, apiRoot } },
    });
    await engine.call('settings.monitor.set', { value: { massOutageMinDevices: 100_000 } });
    const raisedBefore = events.filter((e) => e.type === 'alarm.raised').length;
    transport.setDown(ids);
    figures.down_ms_without_verdict = Math.round(await cycle());
    expect(engine.alarms.openAlarms('monitor')).toEqual([]);
    await storeHolds('icmp', DEVICES);
    expect(events.filter((e) => e.type === 'alarm.raised').length - raisedBefore).toBe(DEVICES);
    transport.setDown(ids, false);
    const first = await cycle();
    figures.up_ms_without_verdict = Math.round(first + (await cycle()));
    // Only the ten that went down three times in a few minutes stay open, as flapping.
    const open = await engine.repo.alarms.open();
    expect(open.filter((alarm) => alarm.type === 'device_down')).toEqual([]);
    expect(open.map((alarm) => alarm.type)).toEqual(Array(10).fill('flapping'));
  }, 150_000);
});
