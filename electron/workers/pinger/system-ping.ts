import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import type { PingOptions, PingResult, PingTarget } from '../../../shared/contract/pinger';
import { resolveTargets } from './resolve-targets';
import { summarize } from '../../../shared/domain/ping/summarize';

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

interface Outcome {
  sent: number;
  rtts: number[];
  error: string | null;
}

function pingOne(address: string, count: number, timeoutMs: number): Promise<Outcome> {
  const [command, args] = pingCommand(process.platform, address, count, timeoutMs);
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: count * (timeoutMs + 1_000) + 2_000, windowsHide: true },
      (error, stdout) => {
        // ping exits non-zero when nothing answered; that is a result, not a failure.
        const missing = error && (error as NodeJS.ErrnoException).code === 'ENOENT';
        resolve({
          sent: missing ? 0 : count,
          rtts: parsePingOutput(String(stdout)).slice(0, count),
          error: missing ? 'the system ping command is not available' : null,
        });
      },
    );
  });
}

/** A host's echoes, then single-echo retries while it has answered none. */
async function pingWithRetries(address: string, options: PingOptions): Promise<Outcome> {
  const outcome = await pingOne(address, options.count, options.timeoutMs);
  for (let retry = 0; retry < options.retries && outcome.rtts.length === 0 && !outcome.error; retry++) {
    const again = await pingOne(address, 1, options.timeoutMs);
    outcome.sent += again.sent;
    outcome.rtts.push(...again.rtts);
    outcome.error = again.error;
  }
  return outcome;
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
  const resolutions = await resolveTargets(targets);
  const results = new Array<PingResult>(targets.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < resolutions.length) {
      const i = next++;
      const resolution = resolutions[i]!;
      if ('error' in resolution) {
        results[i] = summarize(resolution.target.id, 0, [], resolution.error);
        continue;
      }
      const { sent, rtts, error } = await pingWithRetries(resolution.address, options);
      results[i] = summarize(resolution.target.id, sent, rtts, error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, resolutions.length) }, lane));
  return results;
}
