// A Vigia notifier in its own process, so a test or the benchmark can kill it mid-batch and start
// it again on the same store. With `publish`, it first creates the towers, devices and alarms and
// publishes their events (printing each as a JSON line); without, it only drains the outbox.
import { EventBus } from '../../electron/engine/event-bus';
import { NotifyService } from '../../electron/engine/notify/notify-service';
import { openStore } from '../../electron/engine/store/open-store';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import type { Alarm, Tower } from '../../shared/contract/entities';
import type { NotifyConfig } from '../../shared/contract/notify';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { FAKE_TOKEN } from './fake-telegram';

export interface NotifyChildOptions {
  dataDir: string;
  apiRoot: string;
  chats: string[];
  /** Alarms to raise and then clear: two events each. */
  alarms: number;
  spreadMs: number;
  groupWindowS: number;
  publish: boolean;
}

const options = JSON.parse(process.env.VIGIA_NOTIFY_CHILD ?? '{}') as NotifyChildOptions;

async function main(): Promise<void> {
  const repo = await openStore({ dialect: 'sqlite', file: `${options.dataDir}/vigia.db` });
  const bus = new EventBus();
  const service = await NotifyService.start({
    repo,
    bus,
    cipher: createFileKeyCipher(options.dataDir),
    owner: 'bench-workstation',
    call: () => Promise.reject(new Error('no engine in this process')),
    log: (message) => process.stderr.write(`${message}\n`),
    sendTimeoutMs: 2_000,
    pollMs: 100,
    backoff: { baseMs: 500, maxMs: 4_000 },
  });
  if (options.publish) {
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
    const config: NotifyConfig = {
      ...defaultNotifyConfig,
      groupWindowS: options.groupWindowS,
      telegram: {
        enabled: true,
        apiRoot: options.apiRoot,
        perChatPerMinute: 20,
        chats: options.chats.map((chatId, index) => ({
          chatId,
          name: `NOC ${index + 1}`,
          language: 'pt-BR',
          severities: ['critical', 'major', 'minor', 'warning', 'info'],
          towerIds: [towers[index]!.id],
          recoveries: true,
          commands: false,
        })),
      },
    };
    await service
      .handlers()
      ['notify.config.set']({ config, telegramToken: FAKE_TOKEN, webhookSecrets: {}, by: 'bench' });
    const devices = await repo.devices.createMany(
      Array.from({ length: options.alarms }, (_, index) => ({
        name: `CPE ${index + 1}`,
        host: `10.${Math.floor(index / 250)}.${index % 250}.1`,
        towerId: towers[index % towers.length]!.id,
      })),
    );
    const raised: Alarm[] = [];
    const gap = options.spreadMs / Math.max(1, options.alarms * 2);
    const publish = (type: 'alarm.raised' | 'alarm.cleared', alarm: Alarm) => {
      bus.publish({ type, alarm });
      process.stdout.write(
        `${JSON.stringify({ alarm: alarm.id, kind: type === 'alarm.raised' ? 'raised' : 'cleared', at: Date.now() })}\n`,
      );
    };
    for (const device of devices) {
      const alarm = await repo.alarms.raise({
        source: 'icmp',
        deviceId: device.id,
        towerId: device.towerId,
        type: 'device_down',
        severity: 'critical',
        message: `${device.name} fora do ar`,
        affected: 1,
        raisedAt: Date.now(),
      });
      if (!alarm) continue;
      raised.push(alarm);
      publish('alarm.raised', alarm);
      await new Promise((resolve) => setTimeout(resolve, gap));
    }
    for (const alarm of raised) {
      const cleared = await repo.alarms.clear(alarm.id, Date.now());
      if (cleared) publish('alarm.cleared', cleared);
      await new Promise((resolve) => setTimeout(resolve, gap));
    }
    await service.idle();
    process.stdout.write(`${JSON.stringify({ published: true })}\n`);
  }
  process.on(
    'SIGTERM',
    () =>
      void service
        .stop()
        .then(() => repo.close())
        .then(() => process.exit(0)),
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
