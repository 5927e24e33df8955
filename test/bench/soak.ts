// npm run soak — 24 h of simulated time with 10,000 devices and random outages (single devices
// flapping, blocks of hundreds going dark and coming back), one ICMP cycle per simulated minute,
// through the engine's monitor, alarm service, store (SQLite) and notifications to a local fake
// Telegram. Prints one JSON object: memory, open handles and cycle time against simulated hours,
// as least-squares slopes, with first- and last-quarter means. Loopback only. Beside each cycle a
// fixed piece of work is timed (the yardstick): the machine is shared, and a cycle time that grows
// with it is the machine's load, not the engine's; `cycle_per_yardstick` is the engine's own trend.
// SOAK_HOURS / SOAK_DEVICES shorten it for a quick look.
import { seededRandom } from '../../electron/engine/demo/random';
import { FaultRig } from '../faults/rig';

const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const DEVICES = Number(process.env.SOAK_DEVICES ?? 10_000);
const STEP_MS = 60_000;
const HOUR = 3_600_000;

/** A fixed amount of CPU work like a cycle's (sorting, hashing objects); its time tracks the machine's load. */
function yardstick(): number {
  const started = performance.now();
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: i, rtt: (i * 7919) % 1000 }));
  rows.sort((a, b) => a.rtt - b.rtt || a.id - b.id);
  JSON.stringify(rows);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const clock = { t: Date.UTC(2026, 10, 30, 0, 0, 0) };
  const random = seededRandom(16);
  const rig = await FaultRig.start({
    devices: DEVICES,
    intervalMs: STEP_MS,
    now: () => clock.t,
    manualCycles: true,
  });
  const ids = rig.devices.map((device) => device.id);
  const down = new Set<number>();
  const samples: { h: number; heapMb: number; handles: number; cycleMs: number; yardstickMs: number }[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const started = performance.now();
  let raised = 0;
  let messages = 0;

  function outages(): void {
    // A block of 200–800 devices (a tower, a fibre) goes dark about twice a day, for up to an hour.
    if (random() < 2 / (24 * 60)) {
      const from = Math.floor(random() * ids.length);
      const size = 200 + Math.floor(random() * 600);
      ids.slice(from, from + size).forEach((id) => down.add(id));
    }
    // Devices come back (an hour on average) and single ones fail (about 10 at any time).
    for (const id of [...down]) if (random() < 1 / 60) down.delete(id);
    for (let i = 0; i < 3; i++) if (random() < 1 / 6) down.add(ids[Math.floor(random() * ids.length)]!);
    rig.transport.setDown(ids, false);
    rig.transport.setDown(down);
  }

  for (let at = 0; at < HOURS * HOUR; at += STEP_MS) {
    clock.t += STEP_MS;
    outages();
    const report = await rig.monitor.runCycle();
    // The harness's own records are counted and emptied, so only the engine's memory is measured.
    rig.transport.calls.length = 0;
    raised += rig.published.filter((change) => change.kind === 'raised').length;
    rig.published.length = 0;
    messages += rig.fake.sent.length;
    rig.fake.sent.length = 0;
    if ((at / STEP_MS) % 30 === 0) {
      gc?.();
      samples.push({
        h: at / HOUR,
        heapMb: process.memoryUsage().heapUsed / 1e6,
        handles: process.getActiveResourcesInfo().length,
        cycleMs: report.durationMs,
        yardstickMs: yardstick(),
      });
    }
  }
  await rig.alarms.idle();
  await rig.notify.idle();

  /** Least-squares slope of `y` against simulated hours. */
  function slope(y: (s: (typeof samples)[number]) => number): number {
    const n = samples.length;
    const mx = samples.reduce((sum, s) => sum + s.h, 0) / n;
    const my = samples.reduce((sum, s) => sum + y(s), 0) / n;
    const num = samples.reduce((sum, s) => sum + (s.h - mx) * (y(s) - my), 0);
    const den = samples.reduce((sum, s) => sum + (s.h - mx) ** 2, 0);
    return den === 0 ? 0 : num / den;
  }
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (part: typeof samples, y: (s: (typeof samples)[number]) => number) =>
    part.reduce((sum, s) => sum + y(s), 0) / part.length;
  const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
  const summary = (y: (s: (typeof samples)[number]) => number) => ({
    slope_per_h: round(slope(y)),
    first_quarter: round(mean(samples.slice(0, quarter), y), 1),
    last_quarter: round(mean(samples.slice(-quarter), y), 1),
  });
  const stored = await rig.repo.alarms.list({
    states: ['active', 'acknowledged', 'cleared'],
    limit: 1_000_000,
  });
  console.log(
    JSON.stringify({
      devices: DEVICES,
      simulated_h: HOURS,
      cycles: (HOURS * HOUR) / STEP_MS,
      alarms_raised: raised,
      alarms_stored: stored.length,
      telegram_messages: messages + rig.fake.sent.length,
      gc_exposed: gc !== undefined,
      heap_mb: summary((s) => s.heapMb),
      open_handles: summary((s) => s.handles),
      cycle_ms: summary((s) => s.cycleMs),
      yardstick_ms: summary((s) => s.yardstickMs),
      cycle_per_yardstick: summary((s) => s.cycleMs / s.yardstickMs),
      wall_s: round((performance.now() - started) / 1000, 1),
    }),
  );
  await rig.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
