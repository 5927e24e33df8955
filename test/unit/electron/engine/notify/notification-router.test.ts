import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../../../shared/contract/entities';
import type { NotifyConfig, WebhookTarget } from '../../../../../shared/contract/notify';
import { defaultNotifyConfig } from '../../../../../shared/domain/notify/defaults';
import { NotificationRouter } from '../../../../../electron/engine/notify/notification-router';
import type { NewOutboxMessage, Repository } from '../../../../../electron/engine/store/repository';
import { deviceDownAlarm } from '../../../../helpers/alarms';

const NOW = 1_800_000_000_000;

const alarm = (id: number, raisedAt: number): Alarm =>
  deviceDownAlarm(id, 'OLT 7', { deviceId: 7, raisedAt });

const webhook = (id: string): WebhookTarget => ({
  id,
  name: id,
  url: `http://127.0.0.1:9/${id}`,
  language: 'pt-BR',
  severities: ['critical'],
  towerIds: null,
  recoveries: false,
});

describe('NotificationRouter.replayRecent', () => {
  it('routes the replay by the configuration it was asked under, not one saved while it waited', async () => {
    let config: NotifyConfig = { ...defaultNotifyConfig, webhooks: [webhook('noc')] };
    const delivered: NewOutboxMessage[] = [];
    let releaseList: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (releaseList = resolve));
    const repo = {
      alarms: {
        list: async () => {
          await listed;
          return [alarm(1, NOW - 60_000)];
        },
      },
    } as unknown as Repository;
    const router = new NotificationRouter({
      repo,
      subjects: {
        device: async () => ({ name: 'OLT 7', host: '127.0.0.7', towerId: null }),
        tower: async () => null,
      },
      config: () => config,
      deliver: async (message) => {
        delivered.push(message);
        return true;
      },
      enqueued: () => undefined,
      log: () => undefined,
      now: () => NOW,
      held: () => false,
    });
    const replay = router.replayRecent(NOW, 15 * 60_000);
    // A destination added while the replay still reads the store: the minutes before it existed
    // are not sent to it.
    config = { ...config, webhooks: [webhook('noc'), webhook('tickets')] };
    releaseList();
    await replay;
    expect(delivered.map((message) => message.destination)).toEqual(['noc']);
  });
});
