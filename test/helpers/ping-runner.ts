// Runs Vigia's pinger once inside whatever network namespace it was started in: reads
// { targets, options, mode } as JSON on stdin and prints the results as JSON.
import { PingOptions, PingTarget } from '../../shared/contract/pinger';
import { createPinger } from '../../electron/engine/ping/create-pinger';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const request = JSON.parse(input) as { targets: unknown[]; options: unknown; mode?: 'raw' | 'system-ping' };
  const pinger = createPinger({ forceMode: request.mode });
  const targets = request.targets.map((target) => PingTarget.parse(target));
  const started = performance.now();
  const results = await pinger.run(targets, PingOptions.parse(request.options));
  const wallMs = performance.now() - started;
  pinger.close();
  process.stdout.write(JSON.stringify({ mode: await pinger.mode(), wallMs, results }));
}

void main();
