import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TelegramChat } from '../../shared/contract/notify';

/** What the fake does to the next sendMessage calls, in order. */
export type TelegramFault = '429' | '500' | 'hang' | 'drop';

export interface SentMessage {
  chatId: string;
  text: string;
  buttons: { text: string; callback_data: string }[][];
  at: number;
}

interface Update {
  update_id: number;
  [key: string]: unknown;
}

export const FAKE_TOKEN = '123456789:AAFakeTokenForVigiaTests_abcdefghijk';

/** The NOC chat the engine-level tests route to: every severity and recovery, in Portuguese. */
export const everyAlertChat = (chatId: string): TelegramChat => ({
  chatId,
  name: 'NOC',
  language: 'pt-BR',
  severities: ['critical', 'major', 'minor', 'warning', 'info'],
  towerIds: null,
  recoveries: true,
  commands: false,
});

/**
 * A local stand-in for Telegram's Bot API (grammy's `apiRoot` points here): sendMessage,
 * getUpdates with long polling, answerCallbackQuery and what grammy calls on start. It knows one
 * token and a set of chats, answers like Telegram for anything else (401, "chat not found"), and
 * can be told to answer 429 or 500, hang, or drop the connection.
 */
export class FakeTelegram {
  readonly sent: SentMessage[] = [];
  readonly callbackAnswers: { id: string; text: string | undefined }[] = [];
  readonly faults: TelegramFault[] = [];
  /** Called for every sendMessage before answering (the bench uses it to inject failures). */
  decide: ((chatId: string) => TelegramFault | null) | null = null;
  /** Notified of each message it accepted. */
  onSent: ((message: SentMessage) => void) | null = null;
  private readonly server: Server;
  private readonly chats = new Set<string>();
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly waiting = new Set<() => void>();
  private readonly hung = new Set<ServerResponse>();

  constructor(chats: string[]) {
    chats.forEach((chat) => this.chats.add(chat));
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.hung.forEach((res) => res.destroy());
    this.waiting.forEach((wake) => wake());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A command typed in a chat, with the entity Telegram adds so bots recognise it. */
  pushCommand(chatId: number, user: { id: number; username: string }, text: string): void {
    const command = text.split(' ')[0]!;
    this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: chatId < 0 ? 'group' : 'private', title: 'NOC' },
        from: { id: user.id, is_bot: false, first_name: user.username, username: user.username },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      },
    });
  }

  pushButton(chatId: number, user: { id: number; username: string }, data: string): string {
    const id = `cb${this.nextUpdateId}`;
    this.push({
      callback_query: {
        id,
        from: { id: user.id, is_bot: false, first_name: user.username, username: user.username },
        chat_instance: 'ci',
        data,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'group', title: 'NOC' },
          text: 'alarm',
        },
      },
    });
    return id;
  }

  private push(update: Record<string, unknown>): void {
    this.updates.push({ update_id: this.nextUpdateId++, ...update });
    this.waiting.forEach((wake) => wake());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      : {};
    if (!match) return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== FAKE_TOKEN)
      return this.answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    switch (match[2]) {
      case 'getMe':
        return this.ok(res, { id: 123456789, is_bot: true, first_name: 'Vigia', username: 'vigia_test_bot' });
      case 'deleteWebhook':
      case 'setMyCommands':
        return this.ok(res, true);
      case 'getUpdates':
        return this.getUpdates(res, body);
      case 'answerCallbackQuery':
        this.callbackAnswers.push({
          id: String(body.callback_query_id),
          text: body.text as string | undefined,
        });
        return this.ok(res, true);
      case 'sendMessage':
        return this.sendMessage(req, res, body);
      default:
        return this.answer(res, 404, {
          ok: false,
          error_code: 404,
          description: 'Not Found: method not found',
        });
    }
  }

  private sendMessage(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    const chatId = String(body.chat_id);
    const fault = this.faults.shift() ?? this.decide?.(chatId) ?? null;
    if (fault === 'hang') {
      this.hung.add(res);
      return;
    }
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === '429')
      return this.answer(res, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    if (fault === '500')
      return this.answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    if (!this.chats.has(chatId))
      return this.answer(res, 400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: chat not found',
      });
    const markup = body.reply_markup as { inline_keyboard?: SentMessage['buttons'] } | undefined;
    const message: SentMessage = {
      chatId,
      text: String(body.text),
      buttons: markup?.inline_keyboard ?? [],
      at: Date.now(),
    };
    this.sent.push(message);
    this.onSent?.(message);
    this.ok(res, {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'group' },
      text: message.text,
    });
  }

  private async getUpdates(res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const offset = Number(body.offset ?? 0);
    const pending = () => this.updates.filter((update) => update.update_id >= offset);
    if (pending().length === 0 && Number(body.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(Number(body.timeout), 2) * 1000);
        this.waiting.add(wake);
      });
    }
    if (res.destroyed) return;
    this.ok(res, pending());
  }

  private ok(res: ServerResponse, result: unknown): void {
    this.answer(res, 200, { ok: true, result });
  }

  private answer(res: ServerResponse, status: number, payload: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }
}
