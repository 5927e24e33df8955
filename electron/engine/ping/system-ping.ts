import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import type { PingOptions, PingResult, PingTarget } from '../../../shared/contract/pinger';
import { resolveTargets } from './resolve-targets';
import { summarize } from './stats';

const DEFAULT_CONCURRENCY = 64;

/** The system's ping command line for one host, per platform. */
export function pingCommand(
  platform: NodeJS.Platform,
  address: string,
  count: number,
  timeoutMs: number,
): [string, string[]] {
  if (platform === 'win32') return ['ping', ['-n', String(count), '-w', String(timeoutMs), address]];
  const family = isIP(address) === 6 ? ['-6'] : [];
  return [
    'ping',
    [
      ...family,
      '-n',
      '-c',
      String(count),
      '-W',
      String(Math.max(1, Math.ceil(timeoutMs / 1000))),
      '-i',
      '0.2',
      address,
    ],
  ];
}

/**
 * Round-trip times from ping's output, whatever the system's language: every reply line carries
 * a TTL and a time such as "time=0.045 ms", "time<1ms" or "tempo=3ms".
 */
export function parsePingOutput(output: string): number[] {
  const rtts: number[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (!/ttl[=:]/i.test(line)) continue;
    const match = /[=<]\s*(\d+(?:[.,]\d+)?)\s*ms/i.exec(line);
    if (match) rtts.push(Number(match[1]!.replace(',', '.')));
  }
  return rtts;
}

function pingOne(
  address: string,
  count: number,
  timeoutMs: number,
): Promise<{ rtts: number[]; error: string | null }> {
  const [command, args] = pingCommand(process.platform, address, count, timeoutMs);
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: count * (timeoutMs + 1_000) + 2_000, windowsHide: true },
      (error, stdout) => {
        const rtts = parsePingOutput(String(stdout));
        // ping exits non-zero when nothing answered; that is a result, not a failure.
        const failed = error && (error as NodeJS.ErrnoException).code === 'ENOENT';
        resolve({ rtts, error: failed ? 'the system ping command is not available' : null });
      },
    );
  });
}

/**
 * The fallback engine when raw sockets are refused: the system's ping, a bounded number at a
 * time. Slower and heavier than raw ICMP, but it keeps monitoring instead of showing all down.
 */
export async function systemPing(
  targets: PingTarget[],
  options: PingOptions,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<PingResult[]> {
  const { resolved, rejected } = await resolveTargets(targets);
  const results = new Map<number, PingResult>(
    rejected.map(({ id, error }) => [id, summarize(id, 0, [], error)]),
  );
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < resolved.length) {
      const { target, address } = resolved[next++]!;
      let outcome = await pingOne(address, options.count, options.timeoutMs);
      for (let retry = 0; retry < options.retries && outcome.rtts.length === 0 && !outcome.error; retry++) {
        outcome = await pingOne(address, 1, options.timeoutMs);
      }
      results.set(
        target.id,
        summarize(target.id, options.count, outcome.rtts.slice(0, options.count), outcome.error),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, resolved.length) }, lane));
  return targets.map((target) => results.get(target.id)!);
}
