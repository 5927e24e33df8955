// The whole engine's CPU with real ICMP: run inside the bench namespace by bench:ping. A Monitor
// on a real SQLite store pings 10,000 loopback devices through the raw-socket pinger every 30 s;
// prints {"engine_cpu_pct": …} averaged over the given duration (default 2 minutes).
import { createPinger } from '../../electron/workers/pinger/create-pinger';
import { measureEngineCpu } from './engine-cpu';

async function main(): Promise<void> {
  const pinger = await createPinger({ forceMode: 'raw' });
  try {
    const pct = await measureEngineCpu({
      devices: 10_000,
      intervalMs: 30_000,
      durationMs: Number(process.argv[2] ?? 120_000),
      transport: pinger,
    });
    process.stdout.write(`${JSON.stringify({ engine_cpu_pct: pct })}\n`);
  } finally {
    pinger.close();
  }
}

void main();
