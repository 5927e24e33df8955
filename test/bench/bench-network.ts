import type { DeviceInput } from '../../shared/contract/entities';
import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../shared/contract/pinger';
import type { PingTransport } from '../../shared/contract/pinger';
import type { Repository } from '../../electron/engine/store/repository';
import { seededRandom } from '../../electron/engine/demo/random';
import { summarize } from '../../shared/domain/ping/summarize';

/**
 * Creates `count` devices in towers of `perTower`: each tower has one uplink and the rest hang
 * from it, as on a real site. Hosts are loopback literals; the benchmarks never send a packet.
 */
export async function seedDevices(repo: Repository, count: number, perTower = 20): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0, t = 0; start < count; start += perTower, t++) {
    const tower = await repo.towers.create({
      name: `Torre ${t}`,
      code: `T${t}`,
      latitude: -7,
      longitude: -35,
    });
    const host = (i: number) => `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const [uplink] = await repo.devices.createMany([
      { name: `uplink ${t}`, host: host(start + 1), kind: 'backhaul', towerId: tower.id },
    ]);
    const rest: DeviceInput[] = [];
    for (let i = start + 1; i < Math.min(start + perTower, count); i++)
      rest.push({
        name: `ap ${i}`,
        host: host(i + 1),
        kind: 'sector_ap',
        towerId: tower.id,
        parentId: uplink!.id,
      });
    const created = await repo.devices.createMany(rest);
    ids.push(uplink!.id, ...created.map((d) => d.id));
  }
  return ids;
}

const reply = (id: number, count: number, rtt: number): PingResult => ({
  id,
  sent: count,
  received: count,
  lossPct: 0,
  minMs: rtt * 0.95,
  avgMs: rtt,
  maxMs: rtt * 1.05,
  jitterMs: rtt * 0.02,
  error: null,
});

/** Answers at once, every device up with a steady round trip. */
export class InstantTransport implements PingTransport {
  async mode(): Promise<PingerMode> {
    return { mode: 'simulated', note: null };
  }

  async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    return targets.map(({ id }) => reply(id, options.count, 2 + (id % 40)));
  }
}

/**
 * A realistic day: most devices steady with a little jitter, one in ten with a jittery radio
 * link, a few short outages, one tower down for 20 minutes. Driven by the simulated clock.
 */
export class RealisticDayTransport implements PingTransport {
  private readonly random = seededRandom(42);
  private readonly base = new Map<number, number>();
  private readonly outages: { id: number; from: number; to: number }[] = [];

  constructor(
    ids: readonly number[],
    private readonly clock: { now(): number },
    dayStart: number,
    towerOutage: { ids: readonly number[]; from: number; to: number },
  ) {
    for (const id of ids) this.base.set(id, 2 + this.random() * 60);
    for (let i = 0; i < ids.length * 0.03; i++) {
      const id = ids[Math.floor(this.random() * ids.length)]!;
      const from = dayStart + this.random() * 86_400_000;
      this.outages.push({ id, from, to: from + (5 + this.random() * 25) * 60_000 });
    }
    for (const id of towerOutage.ids) this.outages.push({ id, from: towerOutage.from, to: towerOutage.to });
  }

  async mode(): Promise<PingerMode> {
    return { mode: 'simulated', note: null };
  }

  async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    const now = this.clock.now();
    const down = new Set(this.outages.filter((o) => o.from <= now && now < o.to).map((o) => o.id));
    return targets.map(({ id }) => {
      if (down.has(id)) return summarize(id, options.count, []);
      const base = this.base.get(id) ?? 10;
      const jittery = id % 10 === 0;
      const spike = jittery && this.random() < 0.05 ? 30 + this.random() * 80 : 0;
      return reply(id, options.count, base * (1 + (this.random() - 0.5) * 0.2) + spike);
    });
  }
}
