// Vigia's pinger over the bench targets, in its own process inside the bench namespace: its
// verdicts, its peak RSS, and the run's own wall and CPU time (Node's start-up excluded). bench:ping
// times the whole process from outside, as it times fping.
// Usage: ping-process <answering> <silent>. Prints one JSON line.
import { PingOptions } from '../../shared/contract/pinger';
import { nowMs } from '../../electron/workers/pinger/clock';
import { createPinger } from '../../electron/workers/pinger/create-pinger';
import { benchTargets } from './ping-targets';

async function main(): Promise<void> {
  const [answering, silent] = process.argv.slice(2).map(Number) as [number, number];
  const targets = benchTargets(answering, silent);
  const pinger = await createPinger({ forceMode: 'raw' });
  // fping -i0 sends as fast as it can; the same here, so the budget does not decide the race.
  const options = PingOptions.parse({ count: 1, timeoutMs: 1_000, retries: 0, ppsGlobal: 1_000_000 });
  const cpuBefore = process.cpuUsage();
  const started = nowMs();
  const results = await pinger.run(targets, options);
  const wallS = (nowMs() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  pinger.close();
  const up = results.filter((result) => result.received > 0).length;
  process.stdout.write(
    JSON.stringify({
      wall_s: Number(wallS.toFixed(3)),
      cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      up,
      down: results.length - up,
    }) + '\n',
  );
}

void main();
