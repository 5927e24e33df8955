import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PingResult, PingTarget, PingerMode } from '../../shared/contract/pinger';
import { createNetns, type Netns } from '../helpers/netns';

let ns: Netns;

beforeAll(async () => {
  ns = await createNetns('vigia-ping');
  await ns.silence('127.9.0.0/16');
});
afterAll(() => ns?.destroy());

interface Outcome {
  mode: PingerMode;
  wallMs: number;
  results: PingResult[];
}

async function ping(
  targets: PingTarget[],
  options: object = {},
  mode?: 'raw' | 'system-ping',
): Promise<Outcome> {
  const output = await ns.exec(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/ping-runner.ts'],
    JSON.stringify({ targets, options, mode }),
  );
  return JSON.parse(output) as Outcome;
}

const target = (id: number, host: string, towerId: number | null = null): PingTarget => ({
  id,
  host,
  towerId,
});

describe('raw ICMP pinger in a network namespace', () => {
  it('finds answering hosts up and silent hosts down, with loss and RTT statistics', async () => {
    const targets = [
      ...Array.from({ length: 40 }, (_, i) => target(i + 1, `127.1.0.${i + 1}`)),
      ...Array.from({ length: 10 }, (_, i) => target(i + 101, `127.9.0.${i + 1}`)),
    ];
    const { mode, results } = await ping(targets, { count: 3, timeoutMs: 300 });
    expect(mode.mode).toBe('raw');
    const up = results.filter((r) => r.id < 100);
    const down = results.filter((r) => r.id > 100);
    expect(
      up.every(
        (r) =>
          r.received === 3 && r.lossPct === 0 && r.minMs! > 0 && r.minMs! <= r.avgMs! && r.avgMs! <= r.maxMs!,
      ),
    ).toBe(true);
    expect(up.every((r) => r.avgMs! < 50 && r.jitterMs !== null)).toBe(true);
    expect(
      down.every(
        (r) => r.sent === 3 && r.received === 0 && r.lossPct === 100 && r.avgMs === null && r.error === null,
      ),
    ).toBe(true);
  });

  it('follows a host that starts dropping and recovers', async () => {
    const host = [target(1, '127.2.0.7')];
    expect((await ping(host, { count: 2, timeoutMs: 300 })).results[0]!.lossPct).toBe(0);
    await ns.silence('127.2.0.7/32');
    expect((await ping(host, { count: 2, timeoutMs: 300 })).results[0]!.lossPct).toBe(100);
    await ns.unsilence('127.2.0.7/32');
    expect((await ping(host, { count: 2, timeoutMs: 300 })).results[0]!.lossPct).toBe(0);
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
      ],
      { count: 1, timeoutMs: 300 },
    );
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get(1)).toMatchObject({ received: 1, error: null });
    expect(byId.get(2)).toMatchObject({ received: 1, error: null });
    expect(byId.get(3)!.error).toMatch(/duplicate address 127\.3\.0\.1.*device 2/);
    expect(byId.get(4)!.error).toMatch(/invalid address/);
    expect(byId.get(5)!.error).toMatch(/invalid address/);
    expect(byId.get(6)!.error).toMatch(/cannot resolve/);
  });

  it('retries hosts that answered nothing', async () => {
    const { results } = await ping([target(1, '127.9.1.1'), target(2, '127.4.0.1')], {
      count: 1,
      retries: 2,
      timeoutMs: 200,
    });
    expect(results[0]).toMatchObject({ sent: 3, received: 0 });
    expect(results[1]).toMatchObject({ sent: 1, received: 1 });
  });

  it('keeps to the per-tower packets-per-second budget', async () => {
    // 100 echoes to one tower at 100 pps cannot leave in less than about a second.
    const towerTargets = Array.from({ length: 50 }, (_, i) => target(i + 1, `127.5.0.${i + 1}`, 7));
    const { wallMs, results } = await ping(towerTargets, { count: 2, timeoutMs: 300, ppsPerTower: 100 });
    expect(results.every((r) => r.received === 2)).toBe(true);
    expect(wallMs).toBeGreaterThan(850);
    const free = await ping(
      towerTargets.map((t) => ({ ...t, towerId: null })),
      { count: 2, timeoutMs: 300 },
    );
    expect(free.wallMs).toBeLessThan(500);
  });

  it('falls back to the system ping with the same verdicts', async () => {
    const { mode, results } = await ping(
      [target(1, '127.6.0.1'), target(2, '127.9.2.2'), target(3, '::1')],
      { count: 2, timeoutMs: 1000 },
      'system-ping',
    );
    expect(mode.mode).toBe('system-ping');
    expect(results[0]).toMatchObject({ received: 2, lossPct: 0 });
    expect(results[1]).toMatchObject({ received: 0, lossPct: 100 });
    expect(results[2]).toMatchObject({ received: 2 });
  });
});
