import { testCaller } from '../helpers/callers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { EventBus } from '../../electron/engine/event-bus';
import { NotifyService } from '../../electron/engine/notify/notify-service';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { storeAlarm } from '../helpers/alarms';
import { FAKE_TOKEN, FakeTelegram } from '../helpers/fake-telegram';
import { noEngineBot } from '../helpers/no-engine-bot';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

// Two NOC workstations sharing one PostgreSQL, each with its own notification service, both
// hearing every alarm event: each event reaches Telegram once. Real PostgreSQL, a local fake of
// the Bot API; every address is 127.0.0.1.
const CHAT = '-1001';
const ALARMS = 30;

let postgres: TestPostgres;
let dir: string;
const repos: Repository[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  dir = mkdtempSync(join(tmpdir(), 'vigia-shared-pg-'));
});

afterAll(async () => {
  for (const repo of repos) await repo.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function workstation(
  owner: string,
  fake: FakeTelegram,
  options: { url?: string; refreshMs?: number } = {},
) {
  const repo = await openStore({ dialect: 'postgres', url: options.url ?? postgres.url });
  repos.push(repo);
  const bus = new EventBus();
  const service = await NotifyService.start({
    repo,
    bus,
    // One key for both: the secrets in the shared store are sealed for the site, not one machine.
    cipher: createFileKeyCipher(dir),
    owner,
    bot: noEngineBot,
    allowLoopback: true,
    workstation: () => ({ language: 'pt-BR', paused: false }),
    desktop: false,
    log: () => undefined,
    sendTimeoutMs: 2_000,
    pollMs: 20,
    backoff: { baseMs: 100, maxMs: 1_000 },
    ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
  });
  return { repo, bus, service, fake };
}

const chat = (chatId: string, name: string) => ({
  chatId,
  name,
  language: 'en' as const,
  severities: ['critical' as const],
  towerIds: null,
  recoveries: true,
  commands: false,
});

describe('two notification services on one PostgreSQL', () => {
  it('take up a chat the other workstation added, without a restart', async () => {
    const first = '-2001';
    const added = '-2002';
    const fake = new FakeTelegram([first, added]);
    const apiRoot = await fake.listen();
    const telegram = { enabled: true, apiRoot, perChatPerMinute: 20, chats: [chat(first, 'NOC')] };
    // A database of its own: the other test's alarms are not replayed to these chats.
    const url = await postgres.createDatabase('live');
    const a = await workstation('noc-a', fake, { url });
    const save = (chats: ReturnType<typeof chat>[]) =>
      a.service.handlers()['notify.config.set'](
        {
          config: { ...defaultNotifyConfig, groupWindowS: 1, telegram: { ...telegram, chats } },
          telegramToken: FAKE_TOKEN,
          webhookSecrets: {},
        },
        testCaller,
      );
    await save([chat(first, 'NOC')]);
    const b = await workstation('noc-b', fake, { url, refreshMs: 100 });
    expect(
      (await b.service.handlers()['notify.config.get'](undefined, testCaller)).config.telegram.chats,
    ).toHaveLength(1);

    // The operator at workstation A adds a chat; B, already running, follows its next re-read.
    await save([chat(first, 'NOC'), chat(added, 'Field team')]);
    await expect
      .poll(
        async () =>
          (await b.service.handlers()['notify.config.get'](undefined, testCaller)).config.telegram.chats
            .length,
        // Readiness, generous for a loaded machine: B re-reads every 100 ms.
        { timeout: 60_000 },
      )
      .toBe(2);
    const device = await a.repo.devices.create({ name: 'OLT Norte', host: '10.9.1.1' });
    const alarm = await storeAlarm(a.repo, {
      source: 'system',
      deviceId: device.id,
      params: { device: device.name },
    });
    // Only B hears this event: what reaches the new chat went through B's configuration.
    b.bus.publish({ type: 'alarm.raised', alarm });
    await b.service.idle();
    await expect
      .poll(() => fake.sent.filter((message) => message.chatId === added).length, { timeout: 60_000 })
      .toBe(1);
    await a.service.stop();
    await b.service.stop();
    await fake.close();
    expect(fake.sent.map((message) => message.chatId).sort()).toEqual([first, added].sort());
  });

  it('deliver every alarm event exactly once between them', async () => {
    const fake = new FakeTelegram([CHAT]);
    const apiRoot = await fake.listen();
    const a = await workstation('noc-1', fake);
    await a.service.handlers()['notify.config.set'](
      {
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
                language: 'en',
                severities: ['critical'],
                towerIds: null,
                recoveries: true,
                commands: false,
              },
            ],
          },
        },
        telegramToken: FAKE_TOKEN,
        webhookSecrets: {},
      },
      testCaller,
    );
    // Started after the settings were saved, the second workstation reads them from the store.
    const b = await workstation('noc-2', fake);
    const tower = await a.repo.towers.create({
      name: 'Torre Centro',
      code: 'TC',
      latitude: -7.2,
      longitude: -35.9,
    });
    const devices = await a.repo.devices.createMany(
      Array.from({ length: ALARMS }, (_, i) => ({
        name: `OLT ${i + 1}`,
        host: `10.9.0.${i + 1}`,
        towerId: tower.id,
      })),
    );
    const raised: number[] = [];
    for (const device of devices) {
      const alarm = await storeAlarm(a.repo, {
        source: 'system',
        deviceId: device.id,
        towerId: tower.id,
        params: { device: device.name },
      });
      raised.push(alarm.id);
      // Both workstations hear the event, as both watch the same network.
      a.bus.publish({ type: 'alarm.raised', alarm });
      b.bus.publish({ type: 'alarm.raised', alarm });
    }
    await a.service.idle();
    await b.service.idle();
    await expect.poll(async () => (await a.repo.outbox.stats(0)).pending, { timeout: 30_000 }).toBe(0);
    // Stopped, neither sends anything more: the counts are final.
    await a.service.stop();
    await b.service.stop();
    await fake.close();

    const mentions = new Map<number, number>();
    for (const message of fake.sent)
      for (const match of message.text.matchAll(/#(\d+) /g)) {
        const id = Number(match[1]);
        mentions.set(id, (mentions.get(id) ?? 0) + 1);
      }
    expect([...mentions.keys()].sort((x, y) => x - y)).toEqual(raised);
    expect([...mentions.values()].every((count) => count === 1)).toBe(true);
    expect(await a.repo.outbox.stats(0)).toEqual({ pending: 0, failed: 0, sent: ALARMS });
  });
});
