// npm run bench:notify — 2,000 alarm events (1,000 devices going down and coming back, across 20
// Telegram chats routed by tower) through Vigia's outbox to a local fake of the Bot API, each run
// in notifier processes of its own on a fresh store:
// - clean: no faults, for the time from alarm to delivery;
// - faulty: 5 % of sendMessage calls failing (429, 500, dropped, hung) and the notifier killed
//   with SIGKILL while every send hangs, then started again — delivered / duplicated / lost;
// - random kills: the same faults, the notifier killed at random moments of the batch, no freeze;
// - accept window: killed the instant Telegram accepted a message, before it could record it as
//   sent — the window the outbox cannot close, whose duplicates are reported as their own figure.
// One JSON line.
import { runNotifyScenario } from '../helpers/notify-harness';

const ALARMS = 1_000;
const CHATS = 20;
const WINDOW_S = 10;
const RANDOM_KILLS = 5;
const ACCEPT_WINDOW_KILLS = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function main(): Promise<void> {
  const base = { alarms: ALARMS, chats: CHATS, spreadMs: 30_000, groupWindowS: WINDOW_S, timeoutMs: 240_000 };
  const clean = await runNotifyScenario({ ...base, failureRate: 0, restartAfterMessages: null });
  const faulty = await runNotifyScenario({ ...base, failureRate: 0.05, restartAfterMessages: 25, seed: 11 });
  const randomKills = await runNotifyScenario({
    ...base,
    failureRate: 0.05,
    restartAfterMessages: null,
    randomKills: RANDOM_KILLS,
    seed: 13,
  });
  const acceptWindow = await runNotifyScenario({
    ...base,
    failureRate: 0,
    restartAfterMessages: null,
    acceptWindowKills: ACCEPT_WINDOW_KILLS,
    seed: 17,
  });
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
      random_kills: randomKills.randomKills,
      random_kill_run: {
        events: randomKills.events,
        delivered: randomKills.delivered,
        duplicates: randomKills.duplicates,
        lost: randomKills.lost,
        injected_faults: randomKills.injectedFaults,
      },
      accept_window_kills: acceptWindow.acceptWindowKills,
      duplicates_in_accept_window: acceptWindow.duplicates,
      accept_window_run: {
        events: acceptWindow.events,
        delivered: acceptWindow.delivered,
        lost: acceptWindow.lost,
      },
    }),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
