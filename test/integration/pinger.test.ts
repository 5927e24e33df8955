import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PingOptions,
  pingerApi,
  type PingResult,
  type PingTarget,
  type PingerMode,
} from '../../shared/contract/pinger';
import { workerPingTransport } from '../../electron/engine/collectors/pinger-port';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { skipOnlyOffCi } from '../helpers/local-skip';
import { createNetns, netnsSpawner, netnsUnavailable, type Netns } from '../helpers/netns';

const unavailable = skipOnlyOffCi('the pinger namespace tests', netnsUnavailable());

interface Outcome {
  mode: PingerMode;
  wallMs: number;
  results: PingResult[];
}

interface Run {
  mode?: 'raw' | 'system-ping';
  /** Run the pinger as this unprivileged user instead of root. */
  user?: string;
}

/**
 * How long a probe waits for its reply where the host is meant to answer. An echo over loopback
 * takes microseconds, but its time is read when the pinger's process next runs: on a loaded
 * machine that process can wait a few hundred milliseconds for a core, and a reply read after the
 * timeout is, rightly, a lost one. Silent hosts cost this much per round.
 */
const ANSWER_TIMEOUT_MS = 1_000;

const target = (id: number, host: string, towerId: number | null = null): PingTarget => ({
  id,
  host,
  towerId,
});

describe.skipIf(unavailable)('pinger against real ICMP in a network namespace', () => {
  let ns: Netns;

  beforeAll(async () => {
    ns = await createNetns('vigia-ping');
    await ns.silence('127.9.0.0/16');
  });
  afterAll(() => ns?.destroy());

  async function ping(targets: PingTarget[], options: object = {}, run: Run = {}): Promise<Outcome> {
    const pinger = [process.execPath, '--import', 'tsx', 'test/helpers/ping-runner.ts'];
    const [command, ...args] = run.user
      ? ['setpriv', `--reuid=${run.user}`, '--regid=nogroup', '--clear-groups', 'env', 'HOME=/tmp', ...pinger]
      : pinger;
    const output = await ns.exec(command!, args, JSON.stringify({ targets, options, mode: run.mode }));
    return JSON.parse(output) as Outcome;
  }

  it('finds answering hosts up and silent hosts down, with loss and RTT statistics', async () => {
    const targets = [
      ...Array.from({ length: 40 }, (_, i) => target(i + 1, `127.1.0.${i + 1}`, (i % 4) + 1)),
      ...Array.from({ length: 10 }, (_, i) => target(i + 101, `127.9.0.${i + 1}`)),
    ];
    const { mode, results } = await ping(targets, { count: 3, timeoutMs: ANSWER_TIMEOUT_MS });
    expect(mode).toEqual({ mode: 'raw', note: null });
    expect(results.map((r) => r.id)).toEqual(targets.map((t) => t.id));
    for (const r of results.slice(0, 40)) {
      expect(r).toMatchObject({ sent: 3, received: 3, lossPct: 0, error: null });
      expect(r.minMs!).toBeGreaterThan(0);
      expect(r.minMs!).toBeLessThanOrEqual(r.avgMs!);
      expect(r.avgMs!).toBeLessThanOrEqual(r.maxMs!);
      // A reply counts only within the timeout it was sent with.
      expect(r.maxMs!).toBeLessThan(ANSWER_TIMEOUT_MS);
      expect(r.jitterMs!).toBeLessThanOrEqual(r.maxMs! - r.minMs! + 0.001);
    }
    for (const r of results.slice(40)) {
      expect(r).toEqual({
        id: r.id,
        sent: 3,
        received: 0,
        lossPct: 100,
        minMs: null,
        avgMs: null,
        maxMs: null,
        jitterMs: null,
        error: null,
      });
    }
  });

  it('checks 70,000 targets in one run, past the 65,535 probes a 16-bit id allows', async () => {
    // 127.20.0.0/16 and 127.21.0.0/16 answer; 127.9.0.0/16 is silent.
    const host = (octet: number, i: number) => `127.${octet + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    const targets = [
      ...Array.from({ length: 66_000 }, (_, i) => target(i + 1, host(20, i))),
      ...Array.from({ length: 4_000 }, (_, i) => target(100_001 + i, host(9, i))),
    ];
    const { results } = await ping(targets, { count: 1, timeoutMs: 1_000, ppsGlobal: 1_000_000 });
    const up = results.filter((r) => r.received === 1);
    expect(up.length).toBe(66_000);
    expect(up.every((r) => r.id <= 66_000 && r.error === null)).toBe(true);
    expect(results.filter((r) => r.id > 100_000).every((r) => r.sent === 1 && r.received === 0)).toBe(true);
  });

  it('follows a host that starts dropping and recovers', async () => {
    const host = [target(1, '127.2.0.7')];
    const options = { count: 2, timeoutMs: ANSWER_TIMEOUT_MS };
    expect((await ping(host, options)).results[0]!.lossPct).toBe(0);
    await ns.silence('127.2.0.7/32');
    expect((await ping(host, options)).results[0]!.lossPct).toBe(100);
    await ns.unsilence('127.2.0.7/32');
    expect((await ping(host, options)).results[0]!.lossPct).toBe(0);
  });

  it('pings IPv6 and reports invalid, unresolvable and duplicate addresses on their devices', async () => {
    const { results } = await ping(
      [
        target(1, '::1'),
        target(2, '127.3.0.1'),
        target(3, '127.3.0.1'),
        target(4, 'not an address'),
        target(5, '999.1.1.1'),
        target(6, 'no-such-host.invalid'),
        target(7, '[::1]'),
      ],
      { count: 1, timeoutMs: ANSWER_TIMEOUT_MS },
    );
    expect(results[0]).toMatchObject({ id: 1, sent: 1, received: 1, error: null });
    expect(results[1]).toMatchObject({ id: 2, received: 1, error: null });
    expect(results[2]!.error).toMatch(/duplicate address 127\.3\.0\.1: already used by device 2/);
    expect(results[3]!.error).toMatch(/invalid address "not an address"/);
    expect(results[4]!.error).toMatch(/invalid address "999\.1\.1\.1"/);
    expect(results[5]!.error).toMatch(/cannot resolve "no-such-host\.invalid"/);
    expect(results[6]!.error).toMatch(/duplicate address ::1/);
    expect(results.slice(2).every((r) => r.sent === 0 && r.lossPct === 100)).toBe(true);
  });

  it('retries hosts that answered nothing', async () => {
    const { results } = await ping([target(1, '127.9.1.1'), target(2, '127.4.0.1')], {
      count: 1,
      retries: 2,
      timeoutMs: ANSWER_TIMEOUT_MS,
    });
    expect(results[0]).toMatchObject({ sent: 3, received: 0, lossPct: 100 });
    expect(results[1]).toMatchObject({ sent: 1, received: 1, lossPct: 0 });
  });

  it('keeps each tower to its packets-per-second budget, towers in parallel', async () => {
    // 200 echoes per tower at 100 pps: a tenth of a second's burst, then 1.9 s of pacing.
    const towers = [7, 8].flatMap((tower) =>
      Array.from({ length: 100 }, (_, i) => target(tower * 1000 + i, `127.5.${tower}.${i + 1}`, tower)),
    );
    const paced = await ping(towers, { count: 2, timeoutMs: ANSWER_TIMEOUT_MS, ppsPerTower: 100 });
    expect(paced.results.every((r) => r.received === 2)).toBe(true);
    // The baseline: the same echoes with no budget, on this machine, now.
    const free = await ping(
      towers.map((t) => ({ ...t, towerId: null })),
      { count: 2, timeoutMs: ANSWER_TIMEOUT_MS },
    );
    expect(free.results.every((r) => r.received === 2)).toBe(true);
    // Nothing paced the free run: it beat the 1.85 s a paced one cannot go under.
    expect(free.wallMs).toBeLessThan(1_850);
    // Paced: at least the pacing, and the towers side by side — one after the other would add a
    // second 1.9 s on top of the free run's time.
    expect(paced.wallMs).toBeGreaterThan(1_850);
    expect(paced.wallMs).toBeLessThan(free.wallMs + 1.5 * 1_900);
  });

  it('keeps to the global packets-per-second budget', async () => {
    const targets = Array.from({ length: 200 }, (_, i) => target(i + 1, `127.6.0.${i + 1}`));
    const { wallMs, results } = await ping(targets, {
      count: 1,
      timeoutMs: ANSWER_TIMEOUT_MS,
      ppsGlobal: 100,
    });
    expect(results.every((r) => r.received === 1)).toBe(true);
    expect(wallMs).toBeGreaterThan(1_850);
  });

  it('without raw-socket rights falls back to the system ping, says why, and reaches the same verdicts', async () => {
    const targets = [
      target(1, '127.7.0.1'),
      target(2, '127.9.2.2'),
      target(3, '::1'),
      target(4, '127.7.0.1'),
    ];
    const { mode, results } = await ping(
      targets,
      { count: 2, timeoutMs: ANSWER_TIMEOUT_MS },
      { user: 'nobody' },
    );
    expect(mode.mode).toBe('system-ping');
    expect(mode.note).toBe('noRawRights');
    expect(results[0]).toMatchObject({ sent: 2, received: 2, lossPct: 0, error: null });
    expect(results[0]!.avgMs!).toBeGreaterThan(0);
    expect(results[1]).toMatchObject({ sent: 2, received: 0, lossPct: 100, error: null });
    expect(results[2]).toMatchObject({ sent: 2, received: 2, error: null });
    expect(results[3]!.error).toMatch(/duplicate address/);
  });

  it('uses the system ping when asked to, even with raw-socket rights', async () => {
    const { mode, results } = await ping(
      [target(1, '127.7.1.1'), target(2, '127.9.3.3')],
      { count: 1 },
      {
        mode: 'system-ping',
      },
    );
    expect(mode.mode).toBe('system-ping');
    expect(results.map((r) => r.received)).toEqual([1, 0]);
  });

  it('serves ping.run and ping.mode from the supervised worker process', async () => {
    const supervisor = new Supervisor({ spawner: netnsSpawner(ns.name, ['--import', 'tsx']) });
    const worker = supervisor.supervise({
      name: 'pinger',
      entry: resolveWorkerEntry('pinger'),
      api: pingerApi,
    });
    try {
      const transport = workerPingTransport(worker);
      expect(await transport.mode()).toEqual({ mode: 'raw', note: null });
      const results = await transport.run(
        [target(1, '127.8.0.1', 3), target(2, '127.9.4.4', 3), target(3, 'bad host', null)],
        PingOptions.parse({ count: 2, timeoutMs: ANSWER_TIMEOUT_MS }),
      );
      expect(results.map((r) => [r.id, r.received, r.error === null])).toEqual([
        [1, 2, true],
        [2, 0, true],
        [3, 0, false],
      ]);
    } finally {
      await supervisor.stopAll();
    }
  });
});
