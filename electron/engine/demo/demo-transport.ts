import type { Device } from '../../../shared/contract/entities';
import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../../shared/contract/pinger';
import type { PingTransport } from '../../../shared/contract/pinger';
import { summarize } from '../../../shared/domain/ping/summarize';
import type { Repository } from '../store/repository';
import { pick, seededRandom } from './random';

type Incident =
  | { kind: 'power'; towerId: number; until: number }
  | { kind: 'down'; deviceId: number; until: number }
  | { kind: 'spike'; deviceId: number; extraMs: number; until: number }
  | { kind: 'loss'; deviceId: number; lossPct: number; until: number }
  | { kind: 'flap'; deviceId: number; periodMs: number; until: number };

/** Mean minutes between new incidents of each kind, and how long they last (min, max minutes). */
const SCHEDULE: Record<Incident['kind'], { everyMin: number; lasts: [number, number] }> = {
  power: { everyMin: 7, lasts: [2, 5] },
  down: { everyMin: 2, lasts: [1, 6] },
  spike: { everyMin: 3, lasts: [2, 6] },
  loss: { everyMin: 3, lasts: [2, 8] },
  flap: { everyMin: 10, lasts: [4, 8] },
};

const baseRttMs: Record<Device['kind'], number> = {
  router: 0.6,
  switch: 0.4,
  olt: 0.8,
  backhaul: 1.8,
  sector_ap: 1.2,
  cpe: 4.5,
  server: 0.5,
  optical: 0.5,
  other: 2,
};

/**
 * The demo network's pinger: no packet leaves the machine. Each device answers with an RTT that
 * grows with its hops from the POP, and incidents come and go on their own — a tower losing
 * power, a single radio down, a flapping link, latency spikes, packet loss — so the demo shows
 * what Vigia does with a live network.
 */
export function createDemoTransport(
  repo: Repository,
  options: { seed?: number; clock?: () => number } = {},
): PingTransport {
  const random = seededRandom(options.seed ?? 7);
  const clock = options.clock ?? Date.now;
  let devices = new Map<number, Device>();
  let incidents: Incident[] = [];
  // As if the network had been running a while: the first cycle already finds incidents under way.
  let lastRun = clock() - 10 * 60_000;

  const ancestors = (device: Device): Device[] => {
    const chain: Device[] = [];
    const seen = new Set<number>();
    for (let current = device.parentId; current !== null && !seen.has(current);) {
      seen.add(current);
      const parent = devices.get(current);
      if (!parent) break;
      chain.push(parent);
      current = parent.parentId;
    }
    return chain;
  };

  const startIncidents = (now: number, elapsedMin: number): void => {
    const all = [...devices.values()];
    if (all.length === 0) return;
    const towers = [
      ...new Set(all.map((device) => device.towerId).filter((id): id is number => id !== null)),
    ];
    const backhauls = all.filter((d) => d.kind === 'backhaul');
    const radios = all.filter((d) => d.kind === 'sector_ap' || d.kind === 'backhaul');
    for (const kind of Object.keys(SCHEDULE) as Incident['kind'][]) {
      const { everyMin, lasts } = SCHEDULE[kind];
      if (random() > Math.min(1, elapsedMin / everyMin)) continue;
      const until = now + (lasts[0] + random() * (lasts[1] - lasts[0])) * 60_000;
      // The POP's tower (the first) never loses power: the whole demo would just go dark.
      if (kind === 'power' && towers.length > 1)
        incidents.push({ kind, towerId: pick(random, towers.slice(1)), until });
      if (kind === 'down') incidents.push({ kind, deviceId: pick(random, all).id, until });
      if (kind === 'spike' && backhauls.length > 0)
        incidents.push({ kind, deviceId: pick(random, backhauls).id, extraMs: 40 + random() * 120, until });
      if (kind === 'loss')
        incidents.push({ kind, deviceId: pick(random, all).id, lossPct: 10 + random() * 40, until });
      if (kind === 'flap' && radios.length > 0)
        incidents.push({
          kind,
          deviceId: pick(random, radios).id,
          periodMs: 40_000 + random() * 50_000,
          until,
        });
    }
  };

  const answer = (target: PingTarget, now: number, count: number): PingResult => {
    const device = devices.get(target.id);
    if (!device) return summarize(target.id, count, []);
    const path = [device, ...ancestors(device)];
    const ids = new Set(path.map((d) => d.id));
    const towersOnPath = new Set(path.map((d) => d.towerId));
    let extraMs = 0;
    let lossPct = 0;
    for (const incident of incidents) {
      if (incident.kind === 'power' && towersOnPath.has(incident.towerId))
        return summarize(target.id, count, []);
      if (incident.kind === 'down' && ids.has(incident.deviceId)) return summarize(target.id, count, []);
      if (
        incident.kind === 'flap' &&
        ids.has(incident.deviceId) &&
        Math.floor(now / incident.periodMs) % 2 === 1
      ) {
        return summarize(target.id, count, []);
      }
      if (incident.kind === 'spike' && ids.has(incident.deviceId)) extraMs += incident.extraMs;
      if (incident.kind === 'loss' && incident.deviceId === device.id) lossPct = incident.lossPct;
    }
    const base = path.reduce((sum, hop) => sum + baseRttMs[hop.kind], 0);
    const rtts: number[] = [];
    for (let i = 0; i < count; i++) {
      if (random() * 100 < lossPct) continue;
      rtts.push(base + extraMs + random() * (0.3 + base * 0.15));
    }
    return summarize(target.id, count, rtts);
  };

  return {
    mode: async (): Promise<PingerMode> => ({
      mode: 'simulated',
      note: 'simulated',
    }),
    async run(targets: PingTarget[], pingOptions: PingOptions): Promise<PingResult[]> {
      devices = new Map((await repo.devices.list()).map((device) => [device.id, device]));
      const now = clock();
      incidents = incidents.filter((incident) => incident.until > now);
      startIncidents(now, Math.max(0, (now - lastRun) / 60_000));
      lastRun = now;
      return targets.map((target) => answer(target, now, pingOptions.count));
    },
  };
}
