import { Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { NotifyLanguage } from '../../../shared/contract/notify';
import type { NotifyEvent } from '../../../shared/domain/notify/event';
import type { OutgoingMessage } from './channel';
import { DeliveryError, networkReason } from './delivery-error';

export interface TelegramOptions {
  token: string;
  /** Null: Telegram's own servers. */
  apiRoot: string | null;
  timeoutMs: number;
}

export function telegramApi(options: TelegramOptions): Api {
  return new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {}),
    timeoutSeconds: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
  });
}

/** Never let the token reach a log or the UI, whatever an error message quotes. */
export function scrubToken(text: string, token: string): string {
  return token ? text.split(token).join('…') : text;
}

/** Telegram's answer in the operator's words, and whether trying again can help. */
export function telegramFailure(error: unknown, chatId: string, token: string): DeliveryError {
  if (error instanceof GrammyError) {
    const description = scrubToken(error.description, token);
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 5;
      return new DeliveryError(`Telegram: too many requests, retry after ${seconds} s`, true, seconds * 1000);
    }
    if (error.error_code === 401 || error.error_code === 404)
      return new DeliveryError(`Telegram: invalid bot token (${description})`, false);
    if (error.error_code === 400 && /chat not found/i.test(description))
      return new DeliveryError(`Telegram: unknown chat ${chatId} (${description})`, false);
    if (error.error_code === 403)
      return new DeliveryError(`Telegram: the bot may not write to chat ${chatId} (${description})`, false);
    if (error.error_code >= 500)
      return new DeliveryError(`Telegram: server error ${error.error_code} (${description})`, true);
    return new DeliveryError(`Telegram: ${error.error_code} ${description}`, false);
  }
  if (error instanceof HttpError)
    return new DeliveryError(`Telegram unreachable: ${scrubToken(networkReason(error), token)}`, true);
  return new DeliveryError(`Telegram: ${scrubToken(networkReason(error), token)}`, true);
}

const buttonWords: Record<NotifyLanguage, { ack: string; maint: string }> = {
  'pt-BR': { ack: 'Reconhecer', maint: 'Manutenção 1 h' },
  en: { ack: 'Acknowledge', maint: 'Maintenance 1 h' },
};

/** Up to four raised alarms get their own buttons; a longer list is handled with /ack. */
export function alarmButtons(events: NotifyEvent[], language: NotifyLanguage): InlineKeyboardButton[][] {
  const raised = events.filter((event) => event.kind === 'raised');
  if (raised.length === 0 || raised.length > 4) return [];
  const words = buttonWords[language];
  return raised.map((event) => {
    const suffix = raised.length > 1 ? ` #${event.alarmId}` : '';
    return [
      { text: `✔ ${words.ack}${suffix}`, callback_data: `ack:${event.alarmId}` },
      { text: `🔧 ${words.maint}${suffix}`, callback_data: `maint:${event.alarmId}` },
    ];
  });
}

export function createTelegramChannel(
  options: TelegramOptions,
  language: (chatId: string) => NotifyLanguage,
) {
  const api = telegramApi(options);
  return {
    async send(chatId: string, message: OutgoingMessage): Promise<void> {
      const keyboard = alarmButtons(message.events, language(chatId));
      try {
        await api.sendMessage(chatId, message.text, {
          link_preview_options: { is_disabled: true },
          ...(keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
        });
      } catch (error) {
        throw telegramFailure(error, chatId, options.token);
      }
    },
  };
}
