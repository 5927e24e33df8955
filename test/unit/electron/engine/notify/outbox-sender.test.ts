import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../../../../../electron/engine/notify/outbox-sender';
import { openStore } from '../../../../../electron/engine/store/open-store';
import type { NewOutboxMessage, Repository } from '../../../../../electron/engine/store/repository';
import { defaultNotifyConfig } from '../../../../../shared/domain/notify/defaults';
import { sampleEvent } from '../../../../../shared/domain/notify/template';

let dir: string;
let repo: Repository;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-outbox-sender-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const message = (alarmId: number, now: number): NewOutboxMessage => ({
  channel: 'telegram',
  destination: '-100',
  idempotencyKey: `${alarmId}:raised:telegram:-100`,
  payload: JSON.stringify({ ...sampleEvent('raised', now), alarmId }),
  nextAttemptAt: now,
  createdAt: now,
});

describe('outbox sender', () => {
  it('records a message as sent before the next one to its destination goes, however slowly the store answers', async () => {
    // Every sent-mark takes longer than a stall (1 s), the store answering all along (a queue of heavy
    // writes ahead of it): were the next message sent before the mark landed, a kill -9 in
    // between would send both again after the restart.
    const busy: Repository = {
      ...repo,
      outbox: {
        ...repo.outbox,
        markSent: (ids, at) =>
          new Promise((resolve) => setTimeout(resolve, 1_200)).then(() => repo.outbox.markSent(ids, at)),
      },
    };
    const storedAsSent: number[] = [];
    const perMessage: number[] = [];
    const now = Date.now();
    const sender = new OutboxSender({
      repo: busy,
      owner: 'test',
      resolve: () => ({
        channel: {
          send: async (_, outgoing) => {
            storedAsSent.push((await repo.outbox.stats(0)).sent);
            perMessage.push(outgoing.events.length);
          },
        },
        language: 'pt-BR',
        templates: defaultNotifyConfig.templates['pt-BR'],
        perMinute: 600,
      }),
      groupWindowMs: () => 0,
      log: () => undefined,
      pollMs: 20,
      stallMs: 50,
    });
    // Enough alerts at once for two messages (Telegram's length limit splits them).
    for (let id = 1; id <= 120; id++) await sender.enqueue(message(id, now));
    await sender.start();
    // A readiness deadline, generous for a loaded machine (each sent-mark alone takes 1.2 s).
    const deadline = Date.now() + 30_000;
    while ((await repo.outbox.stats(0)).sent < 120 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await sender.stop();
    expect(perMessage.length).toBeGreaterThanOrEqual(2);
    expect(perMessage.reduce((sum, n) => sum + n, 0)).toBe(120);
    // Each message went only once every earlier one was stored as sent.
    expect(storedAsSent).toEqual(
      perMessage.map((_, i) => perMessage.slice(0, i).reduce((sum, n) => sum + n, 0)),
    );
  });

  it('sends a message whose claim the store confirmed late, without waiting for the claim to expire', async () => {
    // The store takes longer than a stall (1 s) to confirm the claim — busy with a mass outage's
    // alarm writes —, then answers: the claim holds for five minutes, and the alert must not.
    const busy: Repository = {
      ...repo,
      outbox: {
        ...repo.outbox,
        claim: (ids, owner, now, until) =>
          new Promise((resolve) => setTimeout(resolve, 1_500)).then(() =>
            repo.outbox.claim(ids, owner, now, until),
          ),
      },
    };
    const sent: string[] = [];
    const sender = new OutboxSender({
      repo: busy,
      owner: 'test',
      resolve: () => ({
        channel: { send: async (_, outgoing) => void sent.push(outgoing.text) },
        language: 'pt-BR',
        templates: defaultNotifyConfig.templates['pt-BR'],
        perMinute: 600,
      }),
      groupWindowMs: () => 0,
      log: () => undefined,
      pollMs: 20,
      leaseMs: 5 * 60_000,
    });
    await sender.enqueue(message(1, Date.now()));
    await sender.start();
    // Readiness, generous for a loaded machine: a claim's lease is five minutes.
    await expect.poll(async () => (await repo.outbox.stats(0)).sent, { timeout: 30_000 }).toBe(1);
    await sender.stop();
    expect(sent).toHaveLength(1);
  });
});
