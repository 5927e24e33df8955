import { testCaller } from '../helpers/callers';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm, Device, Tower } from '../../shared/contract/entities';
import type { NotifyConfig } from '../../shared/contract/notify';
import { defaultNotifyConfig, NOTIFY_CONFIG_KEY } from '../../shared/domain/notify/defaults';
import { EventBus } from '../../electron/engine/event-bus';
import { NotifyService } from '../../electron/engine/notify/notify-service';
import {
  ACCEPTED_SKEW_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  webhookSignature,
} from '../../electron/engine/notify/webhook-channel';
import { openStore } from '../../electron/engine/store/open-store';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { FAKE_TOKEN, FakeTelegram } from '../helpers/fake-telegram';
import { runNotifyScenario } from '../helpers/notify-harness';
import { clearStoredAlarm, storeAlarm } from '../helpers/alarms';
import { noEngineBot } from '../helpers/no-engine-bot';

// Alert delivery against a local fake of Telegram's Bot API and a local webhook receiver; every
// address is 127.0.0.1.
const CHAT = '-1001';
const OTHER_CHAT = '-1002';

/** Waits for a condition; the deadline is a loaded machine's readiness, not what a test proves. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

async function webhookReceiver(
  status: () => number,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('alert delivery through the outbox', () => {
  let dir: string;
  let repo: Repository;
  let bus: EventBus;
  let fake: FakeTelegram;
  let apiRoot: string;
  let service: NotifyService;
  let tower: Tower;
  let devices: Device[];
  const logs: string[] = [];

  const config = (overrides: Partial<NotifyConfig> = {}): NotifyConfig => ({
    ...defaultNotifyConfig,
    groupWindowS: 0,
    telegram: {
      enabled: true,
      apiRoot,
      perChatPerMinute: 20,
      chats: [CHAT, OTHER_CHAT].map((chatId) => ({
        chatId,
        name: `NOC ${chatId}`,
        language: 'en' as const,
        severities: ['critical' as const, 'major' as const],
        towerIds: null,
        recoveries: true,
        commands: false,
      })),
    },
    ...overrides,
  });

  async function raise(index: number, severity: Alarm['severity'] = 'critical'): Promise<Alarm> {
    const device = devices[index]!;
    const alarm = await storeAlarm(repo, {
      deviceId: device.id,
      towerId: tower.id,
      severity,
      params: { device: device.name },
    });
    bus.publish({ type: 'alarm.raised', alarm });
    return alarm;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigia-notify-'));
    repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
    tower = await repo.towers.create({ name: 'Torre Centro', code: 'TC', latitude: -7.2, longitude: -35.9 });
    devices = await repo.devices.createMany(
      Array.from({ length: 20 }, (_, index) => ({
        name: `OLT ${index + 1}`,
        host: `10.9.0.${index + 1}`,
        towerId: tower.id,
      })),
    );
  });

  afterAll(async () => {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(overrides: Partial<NotifyConfig> = {}, webhookSecrets: Record<string, string> = {}) {
    fake = new FakeTelegram([CHAT, OTHER_CHAT]);
    apiRoot = await fake.listen();
    bus = new EventBus();
    service = await NotifyService.start({
      repo,
      bus,
      cipher: createFileKeyCipher(dir),
      owner: 'test-workstation',
      bot: noEngineBot,
      desktop: true,
      workstation: () => ({ language: 'pt-BR', paused: false }),
      allowLoopback: true,
      log: (line) => logs.push(line),
      sendTimeoutMs: 800,
      pollMs: 50,
      backoff: { baseMs: 100, maxMs: 1_000 },
      breaker: { failures: 3, openMs: 1_000 },
    });
    await service.handlers()['notify.config.set'](
      {
        config: config(overrides),
        telegramToken: FAKE_TOKEN,
        webhookSecrets,
      },
      testCaller,
    );
  }

  afterEach(async () => {
    await service.stop();
    // A claim the store confirms after the sender stopped waiting for it is still queued in the
    // store: were the next test's service to release its owner's claims first, this one would
    // hold its rows "sending" for the lease's five minutes.
    await until(() => repo.backlog().queued === 0);
    await fake.close();
  });

  it('delivers once through a 429, a 500, a dropped connection and a hung request', async () => {
    await start();
    fake.faults.push('429', '500', 'drop', 'hang');
    const alarm = await raise(0);
    await until(() => fake.sent.filter((m) => m.chatId === CHAT).length === 1);
    const message = fake.sent.find((m) => m.chatId === CHAT)!;
    expect(message.text).toContain(`#${alarm.id} OLT 1 (10.9.0.1) · Torre Centro · down since`);
    expect(message.buttons[0]!.map((b) => b.callback_data)).toEqual([`ack:${alarm.id}`, `maint:${alarm.id}`]);
    await until(async () => (await repo.outbox.stats(0)).pending === 0);
    // Stopped, the sender has settled every request in flight and sends nothing more: the count
    // is final, with no wait that a slow machine could outrun.
    await service.stop();
    expect(fake.sent.filter((m) => m.text.includes(`#${alarm.id} `))).toHaveLength(2);
  });

  it('groups what arrives within the window into one message per chat', async () => {
    await start({ groupWindowS: 1 });
    const alarms = [];
    for (let i = 1; i <= 6; i++) alarms.push(await raise(i));
    await raise(7, 'minor');
    await until(() => fake.sent.length === 2);
    const text = fake.sent.find((m) => m.chatId === CHAT)!.text;
    expect(text.split('\n')[0]).toBe('Vigia — 6 events');
    for (const alarm of alarms) expect(text).toContain(`#${alarm.id} `);
    expect(text).not.toContain('OLT 8 ');
    // The recovery carries the outage's duration.
    const cleared = await clearStoredAlarm(repo, alarms[0]!.id, alarms[0]!.raisedAt + 125 * 60_000);
    bus.publish({ type: 'alarm.cleared', alarm: cleared });
    await until(() => fake.sent.length === 4);
    expect(fake.sent.at(-1)!.text).toMatch(new RegExp(`^✅ #${alarms[0]!.id} OLT 2 .* back after 2h 5min$`));
  });

  it('opens the circuit on a failing channel and resumes on its own', async () => {
    await start();
    let failing = true;
    fake.decide = () => (failing ? '500' : null);
    await raise(8);
    const status = () => service.handlers()['notify.status'](undefined, testCaller);
    // The breaker stays open for a second only: what it says is read in the status that shows it
    // open, not in a later one a loaded machine may take past that second.
    let opened: Awaited<ReturnType<typeof status>> | undefined;
    await until(async () => {
      const now = await status();
      if (now.destinations.some((d) => d.breaker === 'open')) opened = now;
      return opened !== undefined;
    });
    expect(opened!.destinations.find((d) => d.breaker === 'open')?.lastError).toBe(
      'Telegram: server error 500 (Internal Server Error)',
    );
    expect(opened!.pending).toBeGreaterThan(0);
    failing = false;
    await until(() => fake.sent.length === 2);
    // A breaker closes once its message is recorded as sent, just after Telegram took it.
    await until(async () => (await status()).destinations.every((d) => d.breaker === 'closed'));
  });

  it('gives up on an unknown chat with the reason, and the test button reports exact reasons', async () => {
    await start();
    const handlers = service.handlers();
    await handlers['notify.config.set'](
      {
        config: config({
          telegram: { ...config().telegram, chats: [{ ...config().telegram.chats[0]!, chatId: '-999' }] },
        }),
        webhookSecrets: {},
      },
      testCaller,
    );
    await raise(9);
    await until(async () => (await repo.outbox.stats(0)).failed > 0);
    expect((await handlers['notify.status'](undefined, testCaller)).recentFailures[0]).toMatchObject({
      destination: '-999',
      error: 'Telegram: unknown chat -999 (Bad Request: chat not found)',
    });

    const test = (target: Parameters<(typeof handlers)['notify.test']>[0]['target']) =>
      handlers['notify.test']({ target }, testCaller);
    expect(await test({ channel: 'telegram', chatId: CHAT })).toEqual({ ok: true, error: null });
    expect(fake.sent.at(-1)!.text).toMatch(/^Teste do Vigia\n/);
    expect(await test({ channel: 'telegram', chatId: CHAT, token: '1:wrong-token-for-test' })).toEqual({
      ok: false,
      error: 'Telegram: invalid bot token (Unauthorized)',
    });
    expect(await test({ channel: 'telegram', chatId: '-5' })).toEqual({
      ok: false,
      error: 'Telegram: unknown chat -5 (Bad Request: chat not found)',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await test({ channel: 'webhook', url: `http://127.0.0.1:${port}/x`, secret: 'shh-secret' }),
    ).toEqual({
      ok: false,
      error: 'Webhook unreachable: connection refused',
    });
    expect(
      await test({
        channel: 'telegram',
        chatId: CHAT,
        token: FAKE_TOKEN,
        apiRoot: `http://127.0.0.1:${port}`,
      }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Telegram unreachable: /),
    });
    const desktop: string[] = [];
    bus.subscribe((event) => {
      if (event.type === 'notify.desktop') desktop.push(event.title);
    });
    expect(await test({ channel: 'desktop' })).toEqual({ ok: true, error: null });
    expect(desktop).toEqual(['Teste do Vigia']);
    expect(logs.join('\n')).not.toContain(FAKE_TOKEN);
  });

  it('an English chat and a Portuguese chat each read the same alarm in their own language', async () => {
    const templates = {
      'pt-BR': {
        raised: '{icon} #{id} {message}',
        cleared: '✅ #{id} {message} · normalizado após {duration}',
      },
      en: { raised: '{icon} #{id} {message}', cleared: '✅ #{id} {message} · back after {duration}' },
    };
    await start({ templates });
    const base = config({ templates });
    const [portuguese, english] = base.telegram.chats;
    await service.handlers()['notify.config.set'](
      {
        config: {
          ...base,
          telegram: {
            ...base.telegram,
            chats: [
              { ...portuguese!, language: 'pt-BR' },
              { ...english!, language: 'en' },
            ],
          },
        },
        webhookSecrets: {},
      },
      testCaller,
    );
    const alarm = await storeAlarm(repo, {
      deviceId: devices[12]!.id,
      towerId: tower.id,
      affected: 3,
      params: { device: 'OLT 13' },
    });
    bus.publish({ type: 'alarm.raised', alarm });
    await until(() => fake.sent.length === 2);
    const to = (chatId: string) => fake.sent.find((message) => message.chatId === chatId)!;
    expect(to(CHAT).text).toBe(`🔴 #${alarm.id} OLT 13 fora do ar: causa raiz, 3 dispositivos afetados`);
    expect(to(OTHER_CHAT).text).toBe(`🔴 #${alarm.id} OLT 13 down: root cause, 3 devices affected`);
    expect(to(CHAT).buttons[0]!.map((button) => button.text)).toEqual(['✔ Reconhecer', '🔧 Manutenção 1 h']);
    expect(to(OTHER_CHAT).buttons[0]!.map((button) => button.text)).toEqual([
      '✔ Acknowledge',
      '🔧 Maintenance 1 h',
    ]);
  });

  it('takes up a configuration stored by someone else when the settings change, without a restart', async () => {
    await start();
    const base = config();
    // Another writer of the store (a workstation on shared PostgreSQL) leaves one chat.
    await repo.settings.set(NOTIFY_CONFIG_KEY, {
      ...base,
      telegram: { ...base.telegram, chats: base.telegram.chats.filter((chat) => chat.chatId === OTHER_CHAT) },
    });
    bus.publish({ type: 'settings.changed', group: 'notifications', value: { paused: false } });
    await until(
      async () =>
        (await service.handlers()['notify.config.get'](undefined, testCaller)).config.telegram.chats
          .length === 1,
    );
    // Whatever was sent from here on went by the stored configuration (a message replayed at
    // start may have gone to the dropped chat before it was taken up, on a loaded machine).
    const sentBefore = fake.sent.length;
    const alarm = await raise(14);
    const aboutIt = () => fake.sent.filter((message) => message.text.split(' ')[1] === `#${alarm.id}`);
    // Delivered (from memory, its outbox row recorded meanwhile), and nothing else pending.
    await until(async () => aboutIt().length > 0 && (await repo.outbox.stats(0)).pending === 0);
    // Only the chat the stored configuration keeps hears it (an earlier test's alarm, replayed at
    // start as recent, may go to that chat too).
    expect(aboutIt().map((message) => message.chatId)).toEqual([OTHER_CHAT]);
    expect(new Set(fake.sent.slice(sentBefore).map((message) => message.chatId))).toEqual(
      new Set([OTHER_CHAT]),
    );
  });

  it('uses each stored secret only with the destination it was saved for', async () => {
    const receiver = await webhookReceiver(() => 204);
    const elsewhere = await webhookReceiver(() => 204);
    const hook = {
      id: 'tickets',
      name: 'Tickets',
      url: receiver.url,
      language: 'pt-BR' as const,
      severities: ['critical' as const],
      towerIds: null,
      recoveries: false,
    };
    await start({ webhooks: [hook] }, { tickets: 'webhook-signing-secret' });
    const handlers = service.handlers();
    const otherRoot = elsewhere.url.replace(/\/hook$/, '');

    // "send test" with the stored token or secret towards an address the caller picked: refused
    // before anything is sent, in the operator's language (pt-BR by default).
    expect(
      await handlers['notify.test'](
        { target: { channel: 'telegram', chatId: CHAT, apiRoot: otherRoot } },
        testCaller,
      ),
    ).toEqual({
      ok: false,
      error: `O token do bot foi salvo para outro servidor da Bot API: digite o token de novo para usá-lo com ${otherRoot}.`,
    });
    expect(
      await handlers['notify.test'](
        { target: { channel: 'webhook', id: 'tickets', url: elsewhere.url } },
        testCaller,
      ),
    ).toEqual({
      ok: false,
      error: `O segredo do webhook "Tickets" foi salvo para outro endereço: digite o segredo de novo para usá-lo com ${elsewhere.url}.`,
    });
    expect(elsewhere.received).toEqual([]);

    // Saving a new destination without typing the secret again is refused, and nothing changes.
    const moved = config({ telegram: { ...config().telegram, apiRoot: otherRoot }, webhooks: [hook] });
    await expect(
      handlers['notify.config.set']({ config: moved, webhookSecrets: {} }, testCaller),
    ).rejects.toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'telegramToken' }] },
    });
    const movedHook = config({ webhooks: [{ ...hook, url: elsewhere.url }] });
    await expect(
      handlers['notify.config.set']({ config: movedHook, webhookSecrets: {} }, testCaller),
    ).rejects.toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'webhookSecrets.tickets' }] },
    });
    const view = await handlers['notify.config.get'](undefined, testCaller);
    expect(view.config.telegram.apiRoot).toBe(apiRoot);
    expect(view.config.webhooks[0]!.url).toBe(receiver.url);
    expect(view.telegramToken.set).toBe(true);

    // With the secret typed again, the new destination is saved and the secret follows it.
    await handlers['notify.config.set'](
      {
        config: movedHook,
        webhookSecrets: { tickets: 'the-new-signing-secret' },
      },
      testCaller,
    );
    expect(
      await handlers['notify.test'](
        { target: { channel: 'webhook', id: 'tickets', url: elsewhere.url } },
        testCaller,
      ),
    ).toEqual({ ok: true, error: null });
    expect(elsewhere.received).toHaveLength(1);
    expect(
      await handlers['notify.test'](
        { target: { channel: 'webhook', id: 'tickets', url: receiver.url } },
        testCaller,
      ),
    ).toMatchObject({ ok: false });
    expect(receiver.received).toEqual([]);
    receiver.server.close();
    elsewhere.server.close();
  });

  it('refuses receivers on this machine unless the server allows them', async () => {
    const receiver = await webhookReceiver(() => 204);
    const strict = await NotifyService.start({
      repo,
      bus: new EventBus(),
      cipher: createFileKeyCipher(dir),
      owner: 'strict-workstation',
      bot: noEngineBot,
      workstation: () => ({ language: 'pt-BR', paused: false }),
      desktop: false,
      log: () => undefined,
    });
    try {
      const handlers = strict.handlers();
      expect(
        await handlers['notify.test'](
          {
            target: { channel: 'webhook', url: receiver.url, secret: 'shh-secret' },
          },
          testCaller,
        ),
      ).toEqual({
        ok: false,
        error:
          'Endereço recusado (127.0.0.1): endereços desta máquina só são aceitos quando o servidor permite.',
      });
      await expect(
        handlers['notify.config.set'](
          {
            config: config({ telegram: { ...config().telegram, apiRoot: 'http://169.254.169.254' } }),
            telegramToken: FAKE_TOKEN,
            webhookSecrets: {},
          },
          testCaller,
        ),
      ).rejects.toMatchObject({
        error: {
          code: 'invalid_input',
          message: 'Endereço recusado (169.254.169.254): é o serviço de metadados da nuvem.',
        },
      });
      expect(receiver.received).toEqual([]);
    } finally {
      await strict.stop();
      receiver.server.close();
    }
  });

  it('signs webhooks with HMAC-SHA256 and retries a 503 without sending twice', async () => {
    const statuses = [503];
    const receiver = await webhookReceiver(() => statuses.shift() ?? 204);
    const secret = 'webhook-signing-secret';
    await start(
      {
        telegram: { ...config().telegram, enabled: false },
        webhooks: [
          {
            id: 'tickets',
            name: 'Tickets',
            url: receiver.url,
            language: 'pt-BR',
            severities: ['critical'],
            towerIds: [tower.id],
            recoveries: false,
          },
        ],
      },
      { tickets: secret },
    );
    const view = await service.handlers()['notify.config.get'](undefined, testCaller);
    expect(view.webhookSecrets.tickets).toEqual({ set: true, hint: '…cret' });
    const alarm = await raise(10);
    // Queued first, then the 503 is answered and the retry: a row waiting for its retry is not
    // "pending" meanwhile.
    await service.idle();
    await until(async () => receiver.received.length >= 2 && (await repo.outbox.stats(0)).pending === 0);
    await service.stop();
    expect(receiver.received).toHaveLength(2);
    for (const { headers, body } of receiver.received) {
      const timestamp = String(headers[TIMESTAMP_HEADER]);
      const key = `${alarm.id}:raised:webhook:tickets`;
      expect(headers['idempotency-key']).toBe(key);
      expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(ACCEPTED_SKEW_MS);
      // The key is signed too: the same body under another key does not verify.
      expect(headers[SIGNATURE_HEADER]).toBe(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${key}.${body}`).digest('hex')}`,
      );
      expect(headers[SIGNATURE_HEADER]).toBe(webhookSignature(secret, timestamp, key, body));
      expect(headers[SIGNATURE_HEADER]).not.toBe(webhookSignature(secret, timestamp, `${key}x`, body));
      expect(headers[SIGNATURE_HEADER]).not.toBe(webhookSignature('wrong', timestamp, key, body));
      expect(JSON.parse(body)).toMatchObject({
        source: 'vigia',
        events: [
          {
            alarmId: alarm.id,
            device: 'OLT 11',
            source: 'icmp',
            type: 'device_down',
            params: { device: 'OLT 11' },
            text: 'OLT 11 fora do ar',
          },
        ],
      });
    }
    receiver.server.close();
  });
});

describe('a notifier killed mid-batch', () => {
  it('delivers every event exactly once after its restart', async () => {
    const outcome = await runNotifyScenario({
      alarms: 40,
      chats: 4,
      spreadMs: 1_500,
      groupWindowS: 1,
      failureRate: 0.05,
      restartAfterMessages: 3,
      timeoutMs: 60_000,
    });
    // 40 alarms raised and cleared: the 80 events this test asked for, not what the child reported.
    expect(outcome).toMatchObject({ restarts: 1, events: 80, delivered: 80, duplicates: 0, lost: 0 });
  }, 90_000);
});

describe('the Telegram bot, two-way, inside the running engine', () => {
  let dir: string;
  let engine: RunningEngine;
  let fake: FakeTelegram;
  const ana = { id: 501, username: 'noc_ana' };
  const stranger = { id: 666, username: 'stranger' };
  const AUTHORISED = -2001;
  const UNAUTHORISED = -2002;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigia-bot-'));
    fake = new FakeTelegram([String(AUTHORISED), String(UNAUTHORISED)]);
    const apiRoot = await fake.listen();
    engine = await startEngine({
      dataDir: dir,
      demo: false,
      runtime: 'headless',
      spawner: forkSpawner,
      version: 'test',
      log: () => undefined,
      allowLoopbackDestinations: true,
    });
    await engine.call('notify.config.set', {
      config: {
        ...defaultNotifyConfig,
        telegram: {
          enabled: true,
          apiRoot,
          perChatPerMinute: 20,
          chats: [
            {
              chatId: String(AUTHORISED),
              name: 'NOC',
              language: 'pt-BR',
              severities: ['critical'],
              towerIds: null,
              recoveries: true,
              commands: true,
            },
          ],
        },
      },
      telegramToken: FAKE_TOKEN,
    });
  });

  afterAll(async () => {
    await engine?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const repliesTo = (chat: number) => fake.sent.filter((m) => m.chatId === String(chat)).map((m) => m.text);

  async function alarmOn(device: Device): Promise<Alarm> {
    const subject = { deviceId: device.id, towerId: device.towerId, ref: null };
    await engine.alarms.raise({
      source: 'backup',
      type: 'backup_failed',
      subject,
      severity: 'major',
      params: { device: device.name },
    });
    return engine.alarms.openAlarms('backup').find((alarm) => alarm.deviceId === device.id)!;
  }

  it('answers /status, acknowledges with /ack and records the Telegram user in the audit log', async () => {
    const tower = await engine.call('towers.create', {
      name: 'Torre Bodocongó',
      code: 'BDC',
      latitude: -7.2,
      longitude: -35.9,
    });
    const device = await engine.call('devices.create', {
      name: 'Switch Bodocongó',
      host: '127.0.0.61',
      towerId: tower.id,
    });
    const alarm = await alarmOn(device);
    fake.pushCommand(AUTHORISED, ana, '/status');
    await until(() => repliesTo(AUTHORISED).some((text) => text.startsWith('Vigia: ')));
    expect(repliesTo(AUTHORISED).find((text) => text.startsWith('Vigia: '))).toMatch(
      /Alarmes ativos: \d+\.$/,
    );

    fake.pushCommand(AUTHORISED, ana, '/down');
    await until(() => repliesTo(AUTHORISED).some((text) => /fora do ar/.test(text)));
    expect(await engine.call('notify.test', { target: { channel: 'desktop' } })).toEqual({
      ok: false,
      error: 'Desktop notifications are shown by the desktop app; this is the headless server',
    });

    fake.pushCommand(AUTHORISED, ana, `/ack ${alarm.id} rádio trocado`);
    await until(() => repliesTo(AUTHORISED).includes(`Reconhecido: #${alarm.id}`));
    const [acked] = await engine.call('alarms.list', { states: ['acknowledged'], deviceId: device.id });
    expect(acked).toMatchObject({ id: alarm.id, acknowledgedBy: 'telegram:@noc_ana', note: 'rádio trocado' });
    const audit = await engine.call('audit.list', { limit: 20 });
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'telegram:@noc_ana',
        action: 'alarm.acknowledge',
        target: `alarms:${alarm.id}`,
      }),
    );
  });

  it('refuses commands and buttons from a chat that is not authorised', async () => {
    const device = await engine.call('devices.create', { name: 'Rádio Estranho', host: '127.0.0.62' });
    const alarm = await alarmOn(device);
    fake.pushCommand(UNAUTHORISED, stranger, `/ack ${alarm.id}`);
    await until(() => repliesTo(UNAUTHORISED).length > 0);
    expect(repliesTo(UNAUTHORISED)).toEqual(['Este chat não está autorizado a comandar o Vigia.']);
    const id = fake.pushButton(UNAUTHORISED, stranger, `maint:${alarm.id}`);
    await until(() => fake.callbackAnswers.some((answer) => answer.id === id));
    expect((await engine.call('devices.get', { id: device.id })).maintenanceUntil).toBeNull();
    expect(await engine.call('alarms.list', { states: ['active'], deviceId: device.id })).toHaveLength(1);
  });

  it('puts a device into maintenance from a button and by /maint, and ends it with /unmaint', async () => {
    const device = await engine.call('devices.create', { name: 'AP Setor Sul', host: '127.0.0.63' });
    const alarm = await alarmOn(device);
    const id = fake.pushButton(AUTHORISED, ana, `maint:${alarm.id}`);
    await until(() => fake.callbackAnswers.some((answer) => answer.id === id));
    const inMaintenance = await engine.call('devices.get', { id: device.id });
    expect(inMaintenance.maintenanceBy).toBe('telegram:@noc_ana');
    expect(inMaintenance.maintenanceUntil! - Date.now()).toBeGreaterThan(55 * 60_000);

    fake.pushCommand(AUTHORISED, ana, '/unmaint AP Setor Sul');
    await until(() => repliesTo(AUTHORISED).includes('Manutenção encerrada: AP Setor Sul.'));
    expect((await engine.call('devices.get', { id: device.id })).maintenanceUntil).toBeNull();

    fake.pushCommand(AUTHORISED, ana, '/maint AP Setor Sul 4h troca de antena');
    await until(() => repliesTo(AUTHORISED).includes('Manutenção: AP Setor Sul por 240 min.'));
    expect(await engine.call('devices.get', { id: device.id })).toMatchObject({
      maintenanceBy: 'telegram:@noc_ana',
      maintenanceReason: 'troca de antena',
    });
    fake.pushCommand(AUTHORISED, ana, '/maint Ninguém 1h');
    await until(() =>
      repliesTo(AUTHORISED).includes('Não encontrei um único equipamento ou torre "Ninguém".'),
    );
  });
});
