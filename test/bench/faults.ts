// bench:faults — the fault suite, whole: each scenario breaks one thing under a running engine
// (store frozen or gone, the SQLite volume full, the engine killed -9, the clock jumping, Telegram
// and a webhook down for an hour of accelerated time, each collector process killed -9) while
// devices change state, mends it, and counts what was lost or sent twice. Prints one JSON object
// per scenario, then a summary: {"scenarios":N,"all_nothing_lost":true|false}. Loopback only;
// root (the full-volume scenario mounts a 16 MB tmpfs).
import { COLLECTORS, collectorKilled, type CollectorKilledResult } from '../faults/collector-killed';
import { sqliteVolumeFull } from '../faults/disk-full';
import { engineKilled } from '../faults/engine-killed';
import {
  clockJumps,
  endpointsDown,
  postgresFrozen,
  postgresStopped,
  type ScenarioResult,
} from '../faults/scenarios';

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
  console.log(
    JSON.stringify({
      scenarios: results.length + collectors.length,
      all_nothing_lost: nothingLost,
      all_collectors_back: collectorsBack,
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
