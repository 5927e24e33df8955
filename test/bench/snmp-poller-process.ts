// Vigia's SNMP poller over the bench agents, in its own process so that its wall time, CPU time and
// memory are its own: a first round that discovers every device, then the measured steady round
// (uptime, interface states and counters). Prints one JSON line.
import { SnmpOptions, type SnmpTarget } from '../../shared/contract/snmp';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { benchAgentAddress } from './snmp-targets';

const count = Number(process.argv[2] ?? 1000);
const targets: SnmpTarget[] = Array.from({ length: count }, (_, i) => ({
  id: i + 1,
  host: benchAgentAddress(i),
  port: 161,
  credentials: { version: '2c', community: 'public' },
}));

async function timedRound(poller: SnmpPoller) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await poller.poll(targets, SnmpOptions.parse({}));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    results,
    wall_s: Number(((performance.now() - started) / 1000).toFixed(3)),
    cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
  };
}

async function main(): Promise<void> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const poller = new SnmpPoller();
  const discovery = await timedRound(poller);
  const steady = await timedRound(poller);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());

  const failed = steady.results.filter((result) => result.error !== null);
  process.stdout.write(
    JSON.stringify({
      wall_s: steady.wall_s,
      cpu_s: steady.cpu_s,
      rss_mb: Math.round(peakRss / 1024 / 1024),
      ok: steady.results.length - failed.length,
      failed: failed.length,
      first_error: failed[0]?.error ?? null,
      discovery_wall_s: discovery.wall_s,
      discovery_cpu_s: discovery.cpu_s,
    }) + '\n',
  );
}

void main();
