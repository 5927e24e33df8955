import type { TelegramBotPort } from '../../electron/engine/notify/telegram-bot';

const refuse = () => Promise.reject(new Error('no engine'));

/** For a notification service tested alone: the bot sees an empty network and can change nothing. */
export const noEngineBot: TelegramBotPort = {
  statuses: () => [],
  devices: () => [],
  towers: () => [],
  openAlarms: () => [],
  acknowledge: refuse,
  startMaintenance: refuse,
  endMaintenance: refuse,
};
