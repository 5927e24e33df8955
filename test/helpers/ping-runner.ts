// Runs Vigia's pinger once inside whatever network namespace it was started in: reads
// { targets, options, mode } as JSON on stdin and prints { mode, wallMs, results } as JSON.
import { PingOptions, PingTarget } from '../../shared/contract/pinger';
import { createPinger } from '../../electron/workers/pinger/create-pinger';
import { nowMs } from '../../electron/workers/pinger/clock';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const request = JSON.parse(input) as { targets: unknown[]; options: unknown; mode?: 'raw' | 'system-ping' };
  const pinger = await createPinger({ forceMode: request.mode });
  const targets = request.targets.map((target) => PingTarget.parse(target));
  const started = nowMs();
  const results = await pinger.run(targets, PingOptions.parse(request.options));
  const wallMs = nowMs() - started;
  pinger.close();
  process.stdout.write(JSON.stringify({ mode: await pinger.mode(), wallMs, results }));
}

void main();
