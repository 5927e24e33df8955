// `npm run bench:synthetic`: 1,000 HTTP and 1,000 DNS checks in one round against local servers
// that answer after 100 ms (in their own process), run by the synthetic worker's code in this
// process: wall seconds, CPU seconds and peak RSS of the round. Prints one JSON object.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { ProbeRequest } from '../../shared/contract/synthetic-worker';
import { runProbes } from '../../electron/workers/synthetic/run-probes';

const CHECKS = 1000;
const LATENCY_MS = 100;

async function startPeers() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/synthetic-peers-process.ts', String(CHECKS), String(LATENCY_MS)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  const peers = JSON.parse(line as string) as { dns: string; http: string };
  return { ...peers, stop: () => child.stdin.end() };
}

async function main(): Promise<void> {
  const peers = await startPeers();
  const probes = [
    ...Array.from({ length: CHECKS }, (_, i) => ({
      id: i + 1,
      spec: { kind: 'http', url: `${peers.http}/page-${i}`, expectText: 'ok' },
      timeoutMs: 5_000,
    })),
    ...Array.from({ length: CHECKS }, (_, i) => ({
      id: CHECKS + i + 1,
      spec: { kind: 'dns', query: `host-${i}.bench.test`, resolvers: [peers.dns] },
      timeoutMs: 5_000,
    })),
  ].map((probe) => ProbeRequest.parse(probe));

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcomes = await runProbes(probes, 200);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  peers.stop();

  const failed = outcomes.filter((outcome) => !outcome.ok);
  process.stdout.write(
    JSON.stringify({
      http: outcomes.filter((outcome) => outcome.ok && outcome.status !== null).length,
      dns: outcomes.filter((outcome) => outcome.ok && outcome.status === null).length,
      wall_s: Number(wall.toFixed(3)),
      cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      rss_mb: Math.round(peakRss / 1024 / 1024),
      failed: failed.length,
      first_error: failed[0] ? `${failed[0].error} ${failed[0].detail}` : null,
      latency_ms: LATENCY_MS,
      concurrency: 200,
      // The floor a perfect runner would reach: every lane busy, each check exactly the latency.
      ideal_wall_s: ((CHECKS * 2) / 200) * (LATENCY_MS / 1000),
      wall_vs_ideal: Number((wall / (((CHECKS * 2) / 200) * (LATENCY_MS / 1000))).toFixed(2)),
      load_avg_1m: Number(loadavg()[0]!.toFixed(1)),
    }) + '\n',
  );
}

void main();
