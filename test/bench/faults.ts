// bench:faults — the fault suite, whole: each scenario breaks one thing under a running engine
// (store frozen or gone, the SQLite volume full, the engine killed -9, the clock jumping, Telegram
// and a webhook down for an hour of accelerated time) while
// devices change state, mends it, and counts what was lost or sent twice. Prints one JSON object
// per scenario, then a summary: {"scenarios":N,"all_nothing_lost":true|false}. Loopback only;
// root (the full-volume scenario mounts a 16 MB tmpfs).
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
  const nothingLost = results.every(
    (result) => result.lost_alarms + result.lost_notifications + result.duplicated_notifications === 0,
  );
  console.log(JSON.stringify({ scenarios: results.length, all_nothing_lost: nothingLost }));
  // The embedded PostgreSQL's helpers and the fake's sockets are closed; nothing else should hold
  // the process, but a benchmark must end even if a library keeps a timer.
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
