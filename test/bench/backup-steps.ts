// npm run bench:backup-steps — where a backup job's time goes: the capture's own code in this
// process against the benchmark's fake fleet (500 devices answering after 1 s with 200 KB, 50 at a
// time through the worker's own lanes, which space their starts), each job's timeline (login,
// each command until the next is typed, the configuration) aggregated into percentiles. Prints
// one JSON line.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { captureConfig } from '../../electron/workers/backup/capture-session';
import { connect } from '../../electron/workers/backup/ssh-connect';
import { JobLanes } from '../../electron/workers/backup/job-lanes';
import { jobFor } from '../helpers/backup-jobs';
import { BENCH_SSH_PORT, benchDeviceAddress } from './backup-targets';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const LANES = 50;
// What each interval ends with: the next command typed, or the configuration taken.
const STEPS = [
  'shell and a prompt-like line',
  'the prompt again, for an empty line',
  'enable',
  'enable secret',
  'terminal length 0',
  'terminal width 0',
];

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.floor((sorted.length - 1) * p)]!);

async function main(): Promise<void> {
  const fleet = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/backup-fleet-process.ts', '0', String(DEVICES)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) =>
    fleet.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()),
  );
  const timings = new Map<string, number[]>();
  const add = (step: string, ms: number) => timings.set(step, [...(timings.get(step) ?? []), ms]);
  /** One device's job, its timeline noted at each line typed. */
  const timedJob = async (index: number) => {
    const job = jobFor({ host: benchDeviceAddress(index), port: BENCH_SSH_PORT }, 'cisco-ios');
    const begun = performance.now();
    const { client } = await connect({
      endpoint: job.target,
      legacyCrypto: false,
      connectMs: job.timeouts.connectMs,
      loginSuffix: '',
      label: '',
    });
    const marks = [performance.now()];
    await captureConfig(client, job, (shell) => {
      const send = shell.send.bind(shell);
      shell.send = (line) => (marks.push(performance.now()), send(line));
    });
    marks.push(performance.now());
    client.end();
    add('login', marks[0]! - begun);
    marks
      .slice(1)
      .forEach((at, step) => add(STEPS[step] ?? 'configuration (1 s device delay)', at - marks[step]!));
    add('job', marks[marks.length - 1]! - begun);
  };
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  // The worker's own lanes, so that jobs start as the worker starts them.
  const lanes = new JobLanes<void>();
  await Promise.all(
    Array.from({ length: DEVICES }, (_, index) =>
      lanes.run(
        index,
        LANES,
        () => timedJob(index),
        () => undefined,
      ),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  fleet.kill('SIGTERM');
  const steps = Object.fromEntries(
    [...timings].map(([step, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [
        step,
        { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99) },
      ];
    }),
  );
  process.stdout.write(
    JSON.stringify({
      devices: DEVICES,
      lanes: LANES,
      wall_s: Number(wall.toFixed(1)),
      floor_s: DEVICES / LANES,
      steps_ms: steps,
      load_avg_1m: { start: Number(loadAtStart.toFixed(1)), end: Number(loadavg()[0]!.toFixed(1)) },
    }) + '\n',
  );
}

void main();
