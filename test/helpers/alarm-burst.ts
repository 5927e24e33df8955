import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import type { DesiredAlarm } from '../../electron/engine/alarms/port';
import { EventBus } from '../../electron/engine/event-bus';
import type { Repository } from '../../electron/engine/store/repository';

export interface BurstFigures {
  raiseMs: number;
  clearMs: number;
  /** The longest a read waited meanwhile (a stand-in for an API call such as engine.health). */
  maxReadMs: number;
  /** The longest the event loop was held. */
  maxLagMs: number;
  events: number;
}

/** Measures `work` while probing the event loop and a read of the store every few milliseconds. */
async function probed(repo: Repository, work: () => Promise<void>) {
  let maxLagMs = 0;
  let maxReadMs = 0;
  let running = true;
  let expected = performance.now() + 5;
  const lag = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - expected);
    expected = now + 5;
  }, 5);
  const reads = (async () => {
    while (running) {
      const started = performance.now();
      await repo.settings.get('vigia.heartbeat');
      maxReadMs = Math.max(maxReadMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  running = false;
  clearInterval(lag);
  await reads;
  return { ms, maxLagMs, maxReadMs };
}

type Probed = Awaited<ReturnType<typeof probed>>;

const figures = (raise: Probed, clear: Probed, events: number): BurstFigures => ({
  raiseMs: Math.round(raise.ms),
  clearMs: Math.round(clear.ms),
  maxReadMs: Math.round(Math.max(raise.maxReadMs, clear.maxReadMs)),
  maxLagMs: Math.round(Math.max(raise.maxLagMs, clear.maxLagMs)),
  events,
});

const desired = (deviceIds: number[]): DesiredAlarm[] =>
  deviceIds.map((deviceId) => ({
    source: 'icmp',
    type: 'device_down',
    subject: { deviceId, towerId: null, ref: null },
    severity: 'major',
    params: { device: `dev ${deviceId}` },
  }));

/** Every device goes down at once and later comes back: one reconcile each way through the service. */
export async function batchedBurst(repo: Repository, deviceIds: number[]): Promise<BurstFigures> {
  const bus = new EventBus();
  let events = 0;
  bus.subscribe(() => (events += 1));
  const alarms = await AlarmService.load({ repo, bus });
  const raise = await probed(
    repo,
    async () => void (await alarms.reconcile('icmp', desired(deviceIds), Date.now())),
  );
  const clear = await probed(repo, async () => void (await alarms.reconcile('icmp', [], Date.now())));
  return figures(raise, clear, events);
}

/** The way before the service: one awaited write and one event per alarm, as the ICMP sync did. */
export async function oneByOneBurst(repo: Repository, deviceIds: number[]): Promise<BurstFigures> {
  const bus = new EventBus();
  let events = 0;
  bus.subscribe(() => (events += 1));
  const opened: number[] = [];
  const raise = await probed(repo, async () => {
    for (const alarm of desired(deviceIds)) {
      const [row] = await repo.alarms.raiseMany([
        {
          source: alarm.source,
          type: alarm.type,
          ...alarm.subject,
          severity: alarm.severity,
          params: alarm.params,
          affected: 1,
          raisedAt: Date.now(),
        },
      ]);
      if (!row) continue;
      opened.push(row.id);
      bus.publish({ type: 'alarm.raised', alarm: row });
    }
  });
  const clear = await probed(repo, async () => {
    for (const id of opened) {
      const [row] = await repo.alarms.clearMany([id], Date.now(), null);
      if (row) bus.publish({ type: 'alarm.cleared', alarm: row });
    }
  });
  return figures(raise, clear, events);
}
