// npm run bench:cluster — three instances of Vigia (real processes, the whole engine each) on one
// embedded PostgreSQL, a scripted network of 150 devices and a fake Bot API, all on 127.0.0.1.
// While devices go down and come back every cycle (alarm events, until at least 500), the leader of
// the default poller group is killed (-9), stopped (SIGSTOP) for three cycles and continued, and
// cut from the database (its sessions terminated for three cycles). Printed: the seconds from each
// fault to another instance's lease, and the events lost and duplicated at the fake Telegram,
// counted against every ICMP alarm event the store holds. Then the 100,000-target ICMP cycle and the
// engine's CPU at 100,000 devices, measured by ./icmp100k.ts (as root; `-- --engine-minutes N` as
// there).
import { ClusterHarness, type Fault } from '../helpers/cluster-harness';
import { engineMinutesArg, measureIcmp100k } from './icmp100k';

const CYCLE_S = 5;
const DEVICES = 150;
const EVENTS = 500;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function measureCluster() {
  const cluster = await ClusterHarness.start({ instances: 3, devices: DEVICES, cycleS: CYCLE_S });
  let flipping = true;
  let step = 0;
  // A fifth of the devices changes state every cycle: raised and cleared alarms all along.
  const flipper = (async () => {
    while (flipping) {
      const fifth = cluster.deviceIds.filter((_, index) => index % 5 === step % 5);
      const down = new Set(cluster.down());
      for (const id of fifth)
        if (down.has(id)) down.delete(id);
        else down.add(id);
      cluster.setDown([...down]);
      step++;
      await sleep(CYCLE_S * 1_000);
    }
  })();
  try {
    await cluster.waitLeader(null, CYCLE_S * 4_000);
    const takeover: Record<Fault, number> = { kill: 0, stop: 0, cut: 0 };
    for (const fault of ['kill', 'stop', 'cut'] as const) {
      takeover[fault] = (await cluster.fail(fault)).takeoverS;
      // The deposed leader back as a follower, a cycle of events under the new leader.
      await sleep(CYCLE_S * 1_000);
    }
    while ((await cluster.events()).length < EVENTS) await sleep(1_000);
    flipping = false;
    await flipper;
    await cluster.delivered(120_000);
    const { events, lost, duplicated } = await cluster.tally();
    return { takeover, events, lost, duplicated };
  } finally {
    flipping = false;
    await flipper;
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const cluster = await measureCluster();
  const scale = await measureIcmp100k({ engineMinutes: engineMinutesArg() });
  console.log(
    JSON.stringify({
      takeover_s: cluster.takeover,
      lost: cluster.lost,
      duplicated: cluster.duplicated,
      icmp100k: scale.icmp100k,
      engine_cpu_pct_100k: scale.engine_cpu_pct_100k,
      events: cluster.events,
      cycle_s: CYCLE_S,
      goal_takeover_s: 2 * CYCLE_S,
      first_cycle_100k: scale.first_cycle,
      engine_100k: scale.engine,
      fping_cpu_pct_100k: scale.fping_cpu_pct_100k,
      engine_cpu_ratio_to_fping: scale.engine_cpu_ratio_to_fping,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
