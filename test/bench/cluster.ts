// npm run bench:cluster — three instances of Vigia (real processes, the whole engine each) on one
// embedded PostgreSQL, a scripted network of 150 devices and a fake Bot API, all on 127.0.0.1.
// While devices go down and come back every cycle (alarm events, until at least 500), the leader of
// the default poller group is killed (-9), stopped (SIGSTOP) for three cycles and continued, and
// cut from the database (its sessions terminated for three cycles). Printed: the seconds from each
// fault to another instance's lease, and the events lost and duplicated at the fake Telegram,
// counted against every ICMP alarm event the store holds. Then the 100,000-target ICMP cycle and the
// engine's CPU at 100,000 devices, measured by ./icmp100k.ts (as root; `-- --engine-minutes N` as
// there).
// Options: `--faults kill,stop` (some faults only), `--repeat N` (that many clusters, each started
// afresh: a fault right after the start is the hardest), `--no-scale` (no 100,000-target part).
// Each fault's timeline (old lease's expiry, every takeover attempt, new terms, the new leader's
// first cycle, the instances' cluster log) goes to stderr as one JSON line.
import { ClusterHarness, type Fault } from '../helpers/cluster-harness';
import { engineMinutesArg, measureIcmp100k } from './icmp100k';

const CYCLE_S = 5;
const DEVICES = 150;
const EVENTS = 500;
const ALL_FAULTS: readonly Fault[] = ['kill', 'stop', 'cut'];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function faultsArg(): Fault[] {
  const listed = argValue('--faults')?.split(',') ?? [...ALL_FAULTS];
  const unknown = listed.filter((fault) => !ALL_FAULTS.includes(fault as Fault));
  if (unknown.length > 0 || listed.length === 0) throw new Error(`--faults takes ${ALL_FAULTS.join(',')}`);
  return listed as Fault[];
}

function repeatArg(): number {
  const repeat = Number(argValue('--repeat') ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a positive whole number');
  return repeat;
}

/** One cluster started afresh, `faults` in turn; at least `events` alarm events counted at the end. */
async function measureCluster(faults: readonly Fault[], events: number) {
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
    const takeover: Partial<Record<Fault, number>> = {};
    // From the fault to the end of the new leader's first cycle (null: none within 4 cycles).
    const firstCycle: Partial<Record<Fault, number | null>> = {};
    for (const fault of faults) {
      const { takeoverS, timeline, from } = await cluster.fail(fault);
      takeover[fault] = takeoverS;
      firstCycle[fault] = timeline.firstCycle?.finishedS ?? null;
      console.error(JSON.stringify({ fault, takeover_s: takeoverS, ...timeline }));
      // The deposed leader back as a follower (a killed one started again, as its service manager
      // would: three instances for every fault), a cycle of events under the new leader.
      await Promise.all([sleep(CYCLE_S * 1_000), fault === 'kill' ? cluster.restart(from) : null]);
    }
    while ((await cluster.events()).length < events) await sleep(1_000);
    flipping = false;
    await flipper;
    await cluster.delivered(120_000);
    const tally = await cluster.tally();
    return { takeover, firstCycle, events: tally.events, lost: tally.lost, duplicated: tally.duplicated };
  } finally {
    flipping = false;
    await flipper;
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const faults = faultsArg();
  const repeat = repeatArg();
  // The full run counts the 500 events; a chosen subset counts what its faults produced.
  const events = argValue('--faults') === undefined ? EVENTS : 0;
  const runs: Awaited<ReturnType<typeof measureCluster>>[] = [];
  for (let run = 0; run < repeat; run++) runs.push(await measureCluster(faults, events));
  // The slowest run per fault (null: a run had no first cycle in time).
  const worst = (of: 'takeover' | 'firstCycle') =>
    Object.fromEntries(
      faults.map((fault) => {
        const seconds = runs.map((run) => run[of][fault] ?? null);
        return [fault, seconds.includes(null) ? null : Math.max(...(seconds as number[]))];
      }),
    );
  const sum = (key: 'events' | 'lost' | 'duplicated') => runs.reduce((total, run) => total + run[key], 0);
  const scale = process.argv.includes('--no-scale')
    ? null
    : await measureIcmp100k({ engineMinutes: engineMinutesArg() });
  console.log(
    JSON.stringify({
      takeover_s: worst('takeover'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      ...(scale ? { icmp100k: scale.icmp100k, engine_cpu_pct_100k: scale.engine_cpu_pct_100k } : {}),
      events: sum('events'),
      cycle_s: CYCLE_S,
      goal_takeover_s: 2 * CYCLE_S,
      first_cycle_done_s: worst('firstCycle'),
      ...(repeat > 1 ? { runs: runs.map((run) => run.takeover) } : {}),
      ...(scale
        ? {
            first_cycle_100k: scale.first_cycle,
            engine_100k: scale.engine,
            fping_cpu_pct_100k: scale.fping_cpu_pct_100k,
            engine_cpu_ratio_to_fping: scale.engine_cpu_ratio_to_fping,
          }
        : {}),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
