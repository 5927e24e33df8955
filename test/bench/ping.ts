// npm run bench:ping (as root) — Vigia's pinger against fping on the same 10,000 targets, 1,000 of
// them silent, one echo each with a 1 s timeout, inside a network namespace this script creates
// and removes. Also the whole engine's CPU at 10,000 devices and a 30 s interval. One JSON line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetns } from '../helpers/netns';
import { SILENT_RANGE, benchTargets } from './ping-targets';

const ANSWERING = 9_000;
const SILENT = 1_000;

async function main(): Promise<void> {
  const ns = await createNetns('vigia-bench');
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-ping-'));
  try {
    await ns.silence(SILENT_RANGE);
    const vigia = JSON.parse(
      await ns.exec(process.execPath, [
        '--import',
        'tsx',
        'test/bench/ping-process.ts',
        String(ANSWERING),
        String(SILENT),
      ]),
    ) as Record<string, number>;

    const list = join(dir, 'targets.txt');
    writeFileSync(
      list,
      benchTargets(ANSWERING, SILENT)
        .map((target) => target.host)
        .join('\n'),
    );
    // bash's `time` gives fping's own wall and CPU seconds; fping writes its verdicts to stderr.
    const script = `TIMEFORMAT='%R %U %S'; { time fping -c1 -t1000 -r0 -i0 -q -f ${list} 2>${dir}/fping.out ; } 2>${dir}/time.out; true`;
    await ns.exec('bash', ['-c', script]);
    const [wall, user, sys] = readFileSync(join(dir, 'time.out'), 'utf8').trim().split(/\s+/).map(Number) as [
      number,
      number,
      number,
    ];
    const verdicts = readFileSync(join(dir, 'fping.out'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('xmt/rcv'));
    const fpingUp = verdicts.filter((line) => /xmt\/rcv\/%loss = 1\/1\//.test(line)).length;

    // The whole engine (monitor, store, raw pinger) inside the namespace for two minutes.
    const engine = JSON.parse(
      await ns.exec(process.execPath, ['--import', 'tsx', 'test/bench/engine-cpu-icmp.ts', '120000']),
    ) as { engine_cpu_pct: number };

    process.stdout.write(
      JSON.stringify({
        targets: ANSWERING + SILENT,
        silent: SILENT,
        vigia,
        fping: {
          wall_s: wall,
          cpu_s: Number((user + sys).toFixed(3)),
          up: fpingUp,
          down: verdicts.length - fpingUp,
        },
        ratios: {
          wall: Number((vigia.wall_s! / wall).toFixed(2)),
          cpu: Number((vigia.cpu_s! / Math.max(0.001, user + sys)).toFixed(2)),
        },
        engine_cpu_pct: engine.engine_cpu_pct,
      }) + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await ns.destroy();
  }
}

void main();
