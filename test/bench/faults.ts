// bench:faults — the fault suite, whole: each scenario breaks one thing under a running engine
// (store frozen or gone, the SQLite volume full, the engine killed -9, the clock jumping, Telegram
// and a webhook down for an hour of accelerated time, each collector process killed -9) while
// devices change state, mends it, and counts what was lost or sent twice. Prints one JSON object
// per scenario, then a summary: {"scenarios":N,"all_nothing_lost":true|false,...}. Loopback only;
// root (the full-volume scenario mounts a 16 MB tmpfs).
//
// recovery_s, per scenario (the rig's cycle is INTERVAL_MS, 1 s):
// - store, clock and endpoint faults: from the fault's end (the store answers again, the clock is
//   back, the endpoints accept) until the engine holds nothing for the store and every alarm
//   change published so far has reached every destination, once;
// - engine killed -9: from the kill until the restarted engine (in-process: the store reopened,
//   inventory, alarms and alert routing loaded) finished its first cycle on a store that holds
//   every change the dead engine published; delivering what it owed is delivered_s, paced by
//   Telegram's 20 messages a minute. A real restart adds the engine process's spawn before that;
// - a collector killed: restart_s, from the kill -9 until the supervisor has it running again,
//   judged against the product's shortest default cycle (ICMP critical, 15 s).
import { COLLECTORS, collectorKilled, type CollectorKilledResult } from '../faults/collector-killed';
import { sqliteVolumeFull } from '../faults/disk-full';
import { engineKilled } from '../faults/engine-killed';
import {
  INTERVAL_MS,
  clockJumps,
  endpointsDown,
  postgresFrozen,
  postgresStopped,
  type ScenarioResult,
} from '../faults/scenarios';

/** The ICMP critical interval's default: the shortest cycle a collector's restart delays. */
const COLLECTOR_CYCLE_S = 15;

const scenarios: (() => Promise<ScenarioResult>)[] = [
  clockJumps,
  () => endpointsDown(120),
  () => postgresFrozen(40),
  () => postgresStopped(60),
  () => sqliteVolumeFull(30),
  engineKilled,
];

async function main(): Promise<void> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await scenario();
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const collectors: CollectorKilledResult[] = [];
  for (const name of Object.keys(COLLECTORS)) {
    const result = await collectorKilled(name);
    collectors.push(result);
    console.log(JSON.stringify(result));
  }
  const nothingLost = results.every(
    (result) => result.lost_alarms + result.lost_notifications + result.duplicated_notifications === 0,
  );
  const collectorsBack = collectors.every((result) => result.self_alarm && result.answers_after);
  const withinTwoCycles =
    results.every((result) => result.recovery_s <= (2 * INTERVAL_MS) / 1000) &&
    collectors.every((result) => result.restart_s <= 2 * COLLECTOR_CYCLE_S);
  console.log(
    JSON.stringify({
      scenarios: results.length + collectors.length,
      all_nothing_lost: nothingLost,
      all_collectors_back: collectorsBack,
      all_recovered_within_2_cycles: withinTwoCycles,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
