// Vigia's pinger over the bench targets, in its own process inside the bench namespace, measuring
// itself: wall and CPU time of the run (Node's start-up excluded) and peak RSS. Prints one JSON line.
import { PingOptions } from '../../shared/contract/pinger';
import { createPinger } from '../../electron/engine/ping/create-pinger';
import { benchTargets } from './ping-targets';

async function main(): Promise<void> {
  const [answering, silent] = process.argv.slice(2).map(Number) as [number, number];
  const targets = benchTargets(answering, silent);
  const pinger = createPinger({ forceMode: 'raw' });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // fping -i0 sends as fast as it can; the same here, so the budget does not decide the race.
  const results = await pinger.run(
    targets,
    PingOptions.parse({ count: 1, timeoutMs: 1_000, retries: 0, ppsGlobal: 1_000_000 }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  pinger.close();
  const up = results.filter((result) => result.received > 0).length;
  process.stdout.write(
    JSON.stringify({
      wall_s: Number(wall.toFixed(3)),
      cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      rss_mb: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024),
      up,
      down: results.length - up,
    }),
  );
}

void main();
