import { PausableProxy } from '../helpers/pausable-proxy';
import { startTestPostgres } from '../helpers/postgres';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { FaultRig, until, type RigOptions } from './rig';
import { outOfOrder, tally, telegramDeliveries, webhookDeliveries, type Tally } from './tally';

/** A scenario's own figures beside the tally (attempts made, the health it showed, ...). */
export type Figures = Record<string, string | number | boolean>;

export interface ScenarioResult extends Tally {
  scenario: string;
  /** From the end of the fault until everything queued landed and every alert went out. */
  recovery_s: number;
  /** Alarm changes a destination received after a later one (0: everything in order). */
  out_of_order?: number;
  [figure: string]: string | number | boolean | undefined;
}

export const INTERVAL_MS = 1_000;
export const RECOVERY_TIMEOUT_MS = 120_000;

export interface Fault {
  name: string;
  rig?: Partial<RigOptions>;
  /** Breaks something; the returned function mends it. */
  start(rig: FaultRig): Promise<() => Promise<void>>;
  /** How long the fault lasts, in real time. */
  lastsMs: number;
  /** Tears down what the fault set up around the rig (a PostgreSQL), once the rig stopped. */
  cleanup?(): Promise<Figures | void>;
  /** Alerts go to a local webhook too (the fault may cut it). */
  webhook?: WebhookReceiver;
  /** Figures of its own the fault adds to the result, taken once everything was delivered. */
  figures?(rig: FaultRig): Figures;
}

/**
 * One scenario: a device already down before the fault; during it, a second goes down and the
 * first comes back; after it, everything must be stored and alerted exactly once.
 */
export async function runFault(fault: Fault): Promise<ScenarioResult> {
  const webhookUrl = await fault.webhook?.listen();
  const rig = await FaultRig.start({
    devices: 20,
    intervalMs: INTERVAL_MS,
    ...fault.rig,
    ...(webhookUrl ? { webhookUrl } : {}),
  });
  const received = () => destinations(rig, fault.webhook);
  let result: ScenarioResult | undefined;
  try {
    const [before, during] = [rig.devices[0]!, rig.devices[1]!];
    rig.transport.setDown([before.id]);
    // The one alert of the device down before the fault went to every destination.
    await until(async () => rig.settled() && (await rig.repo.outbox.stats(0)).sent === received().length);
    const mend = await fault.start(rig);
    const startedAt = performance.now();
    rig.transport.setDown([during.id]);
    rig.transport.setDown([before.id], false);
    await until(() => performance.now() - startedAt >= fault.lastsMs, fault.lastsMs + 10_000);
    await mend();
    const mendedAt = performance.now();
    await until(async () => {
      if (!rig.settled() || (await rig.repo.outbox.stats(0)).pending > 0) return false;
      return (await outcome(rig, received())).lost_notifications === 0;
    }, RECOVERY_TIMEOUT_MS).catch(() => undefined);
    const recoveryS = (performance.now() - mendedAt) / 1000;
    result = {
      scenario: fault.name,
      ...(await outcome(rig, received())),
      recovery_s: Math.round(recoveryS * 10) / 10,
      out_of_order: received().reduce((sum, changes) => sum + outOfOrder(rig.published, changes), 0),
      ...fault.figures?.(rig),
    };
  } finally {
    await rig.stop();
    await fault.webhook?.close();
    const after = await fault.cleanup?.();
    if (result && after) Object.assign(result, after);
  }
  return result;
}

/** What each destination received: the Telegram chat, and the webhook when there is one. */
function destinations(rig: FaultRig, webhook: WebhookReceiver | undefined) {
  const telegram = telegramDeliveries(rig.fake.sent.map((message) => message.text));
  if (!webhook) return [telegram];
  return [telegram, webhookDeliveries([...webhook.received, ...webhook.repeats].map((hook) => hook.body))];
}

async function outcome(rig: FaultRig, received: string[][]): Promise<Tally> {
  const stored = await rig.repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 10_000 });
  return tally(rig.published, stored, received);
}

/** PostgreSQL behind a relay the scenario freezes (every connection open, nothing answered). */
async function postgresFault(
  name: string,
  lastsMs: number,
  mode: 'freeze' | 'stop',
): Promise<ScenarioResult> {
  const postgres = await startTestPostgres();
  const url = new URL(postgres.url);
  const proxy = new PausableProxy(Number(url.port));
  url.port = String(await proxy.listen());
  return runFault({
    name,
    lastsMs,
    rig: { store: () => ({ dialect: 'postgres', url: url.toString() }) },
    async start() {
      if (mode === 'freeze') {
        proxy.pause();
        return async () => proxy.resume();
      }
      await proxy.cut();
      return () => proxy.restore();
    },
    async cleanup() {
      await proxy.close();
      await postgres.stop();
    },
  });
}

/** The shared PostgreSQL frozen (SIGSTOP-like) for `seconds`. */
export const postgresFrozen = (seconds: number) =>
  postgresFault(`postgres_frozen_${seconds}s`, seconds * 1000, 'freeze');

/** PostgreSQL gone for `seconds` (connections reset, new ones refused), then back on its port. */
export const postgresStopped = (seconds: number) =>
  postgresFault(`postgres_stopped_${seconds}s`, seconds * 1000, 'stop');

/** The engine's clock jumps an hour forward, then an hour back, while devices change state. */
export function clockJumps(): Promise<ScenarioResult> {
  let offset = 0;
  return runFault({
    name: 'clock_forward_and_back_1h',
    lastsMs: 6_000,
    rig: { now: () => Date.now() + offset },
    async start() {
      offset = 3_600_000;
      setTimeout(() => (offset = 0), 3_000);
      return async () => undefined;
    },
  });
}

/**
 * Telegram answers 500 and the webhook's host refuses connections for an hour of the engine's time
 * (accelerated `speedup` times: the outbox's backoff and breaker run on that clock), then both
 * accept again: every alert of the hour goes out once to each, none twice, in order.
 */
export function endpointsDown(speedup: number): Promise<ScenarioResult> {
  const origin = Date.now();
  const lastsMs = 3_600_000 / speedup;
  const webhook = new WebhookReceiver();
  let refused = 0;
  return runFault({
    name: 'telegram_and_webhook_down_1h',
    lastsMs,
    webhook,
    rig: { now: () => origin + (Date.now() - origin) * speedup, productDelivery: true },
    figures: () => ({ attempts_while_down: refused }),
    async start(rig) {
      rig.fake.decide = () => (refused++, '500');
      await webhook.cut();
      return async () => {
        rig.fake.decide = null;
        await webhook.restore();
      };
    },
  });
}
