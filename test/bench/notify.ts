// npm run bench:notify — 2,000 alarm events (1,000 devices going down and coming back, across 20
// Telegram chats routed by tower) through Vigia's outbox to a local fake of the Bot API. Two runs
// in separate notifier processes: one clean, for the time from alarm to delivery, and one with
// 5 % of sendMessage calls failing (429, 500, dropped, hung) and the notifier killed with SIGKILL
// mid-batch and started again, for delivered / duplicated / lost. One JSON line.
import { runNotifyScenario } from '../helpers/notify-harness';

const ALARMS = 1_000;
const CHATS = 20;
const WINDOW_S = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function main(): Promise<void> {
  const base = { alarms: ALARMS, chats: CHATS, spreadMs: 30_000, groupWindowS: WINDOW_S, timeoutMs: 240_000 };
  const clean = await runNotifyScenario({ ...base, failureRate: 0, restartAfterMessages: null });
  const faulty = await runNotifyScenario({ ...base, failureRate: 0.05, restartAfterMessages: 25, seed: 11 });
  const p95 = percentile(clean.latenciesMs, 0.95);
  console.log(
    JSON.stringify({
      events: faulty.events,
      delivered: faulty.delivered,
      duplicates: faulty.duplicates,
      lost: faulty.lost,
      p95_ms: p95,
      group_window_ms: WINDOW_S * 1000,
      p95_goal_ms: WINDOW_S * 1000 + 2000,
      clean_run: {
        events: clean.events,
        delivered: clean.delivered,
        duplicates: clean.duplicates,
        messages: clean.messages,
      },
      faulty_run: {
        messages: faulty.messages,
        injected_faults: faulty.injectedFaults,
        restarts: faulty.restarts,
      },
    }),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
