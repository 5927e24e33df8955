// A Vigia notifier in its own process, so a test or the benchmark can kill it mid-batch and start
// it again on the same store. It creates the towers, devices and notification settings on its
// first run, raises and clears one alarm per device, publishing each event and printing it as a
// JSON line; started again, it carries on where the killed process stopped.
import { EventBus } from '../../electron/engine/event-bus';
import { NotifyService } from '../../electron/engine/notify/notify-service';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import type { Alarm, Tower } from '../../shared/contract/entities';
import type { NotifyConfig } from '../../shared/contract/notify';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { FAKE_TOKEN } from './fake-telegram';
import { clearStoredAlarm, storeAlarm } from './alarms';
import { noEngineBot } from './no-engine-bot';

export interface NotifyChildOptions {
  dataDir: string;
  apiRoot: string;
  chats: string[];
  /** Alarms to raise and then clear: two events each. */
  alarms: number;
  spreadMs: number;
  groupWindowS: number;
}

const options = JSON.parse(process.env.VIGIA_NOTIFY_CHILD ?? '{}') as NotifyChildOptions;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function config(towers: Tower[]): NotifyConfig {
  return {
    ...defaultNotifyConfig,
    groupWindowS: options.groupWindowS,
    telegram: {
      enabled: true,
      apiRoot: options.apiRoot,
      perChatPerMinute: 20,
      chats: options.chats.map((chatId, index) => ({
        chatId,
        name: `NOC ${index + 1}`,
        language: 'pt-BR' as const,
        severities: ['critical' as const],
        towerIds: [towers[index]!.id],
        recoveries: true,
        commands: false,
      })),
    },
  };
}

async function setUp(service: NotifyService, repo: Repository): Promise<void> {
  if ((await repo.towers.list()).length > 0) return;
  const towers: Tower[] = [];
  for (const [index] of options.chats.entries())
    towers.push(
      await repo.towers.create({
        name: `Torre ${index + 1}`,
        code: `T${index + 1}`,
        latitude: -7.2,
        longitude: -35.9,
      }),
    );
  await service.handlers()['notify.config.set']({
    config: config(towers),
    telegramToken: FAKE_TOKEN,
    webhookSecrets: {},
    by: 'bench',
  });
  await repo.devices.createMany(
    Array.from({ length: options.alarms }, (_, index) => ({
      name: `CPE ${index + 1}`,
      host: `10.${Math.floor(index / 250)}.${index % 250}.1`,
      towerId: towers[index % towers.length]!.id,
    })),
  );
}

/** Devices without an alarm yet go down; then every open alarm clears, as the monitor would. */
async function publish(service: NotifyService, repo: Repository, bus: EventBus): Promise<void> {
  const known = await repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 5_000 });
  const alarmed = new Set(known.map((alarm) => alarm.deviceId));
  const gap = options.spreadMs / Math.max(1, options.alarms * 2);
  const emit = (type: 'alarm.raised' | 'alarm.cleared', alarm: Alarm) => {
    bus.publish({ type, alarm });
    const kind = type === 'alarm.raised' ? 'raised' : 'cleared';
    process.stdout.write(`${JSON.stringify({ alarm: alarm.id, kind, at: Date.now() })}\n`);
  };
  for (const device of await repo.devices.list()) {
    if (alarmed.has(device.id)) continue;
    emit(
      'alarm.raised',
      await storeAlarm(repo, {
        deviceId: device.id,
        towerId: device.towerId,
        params: { device: device.name },
      }),
    );
    await sleep(gap);
  }
  for (const alarm of await repo.alarms.list({ states: ['active'], limit: 5_000 })) {
    emit('alarm.cleared', await clearStoredAlarm(repo, alarm.id));
    await sleep(gap);
  }
  await service.idle();
  process.stdout.write(`${JSON.stringify({ published: true })}\n`);
}

async function main(): Promise<void> {
  const repo = await openStore({ dialect: 'sqlite', file: `${options.dataDir}/vigia.db` });
  const bus = new EventBus();
  const service = await NotifyService.start({
    repo,
    bus,
    cipher: createFileKeyCipher(options.dataDir),
    owner: 'bench-workstation',
    bot: noEngineBot,
    desktop: false,
    workstation: () => ({ language: 'en', paused: false }),
    allowLoopback: true,
    log: (message) => process.stderr.write(`${message}\n`),
    sendTimeoutMs: 2_000,
    pollMs: 100,
    backoff: { baseMs: 500, maxMs: 4_000 },
  });
  process.on('SIGTERM', () => {
    void service
      .stop()
      .then(() => repo.close())
      .finally(() => process.exit(0));
  });
  await setUp(service, repo);
  await publish(service, repo, bus);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
