import type { DeviceInput, DeviceKind, Tower, TowerInput } from '../../../shared/contract/entities';
import type { Repository } from '../store/repository';
import { pick, seededRandom } from './random';

/** Campina Grande (PB): the demo ISP's home town. */
const CENTER = { latitude: -7.2307, longitude: -35.8811 };

const PLACES = [
  'POP Centro',
  'Alto Branco',
  'Bodocongó',
  'Catolé',
  'Malvinas',
  'José Pinheiro',
  'Liberdade',
  'Mirante',
  'Prata',
  'Palmeira',
  'Jeremias',
  'Santa Rosa',
  'Cruzeiro',
  'Dinamérica',
  'Sandra Cavalcante',
  'Ramadinha',
  'Velame',
  'Itararé',
  'Monte Castelo',
  'Conceição',
  'Nova Brasília',
  'Pedregal',
  'Centenário',
  'Cuités',
  'Lauritzen',
  'Estação Velha',
  'Tambor',
  'Universitário',
  'Jardim Paulistano',
  'Serra do Monte',
  'São José da Mata',
  'Lagoa Seca',
  'Puxinanã',
  'Queimadas',
];

const SECTOR_MODELS = [
  ['MikroTik', 'mANTBox 19s'],
  ['Ubiquiti', 'Rocket 5AC Prism'],
  ['Ubiquiti', 'LiteAP AC'],
  ['MikroTik', 'NetMetal ac2'],
] as const;
const BACKHAUL_MODELS = [
  ['Ubiquiti', 'airFiber 5XHD'],
  ['MikroTik', 'LHG 60G'],
  ['Ubiquiti', 'PowerBeam 5AC Gen2'],
] as const;
const CPE_MODELS = [
  ['Ubiquiti', 'LiteBeam 5AC Gen2'],
  ['MikroTik', 'SXTsq 5 ac'],
  ['Ubiquiti', 'NanoStation 5AC Loco'],
] as const;

interface PlannedDevice {
  key: string;
  input: Omit<DeviceInput, 'towerId' | 'parentId'>;
  towerIndex: number;
  parentKey: string | null;
}

/**
 * A realistic regional ISP: a POP in the city centre and towers around it fed by a tree of
 * point-to-point backhauls, each tower with a switch, a router, sector APs and the business CPEs
 * they serve. Addresses are in 100.64.0.0/10 (carrier-grade NAT space); the demo only simulates them.
 */
export function planDemoNetwork(seed = 2026): { towers: TowerInput[]; devices: PlannedDevice[] } {
  const random = seededRandom(seed);
  const towers: TowerInput[] = PLACES.map((place, i) => {
    const angle = random() * Math.PI * 2;
    const distance = i === 0 ? 0 : 0.02 + random() * 0.11;
    return {
      name: place,
      code: `CG-${String(i + 1).padStart(2, '0')}`,
      latitude: Number((CENTER.latitude + Math.sin(angle) * distance).toFixed(5)),
      longitude: Number((CENTER.longitude + Math.cos(angle) * distance).toFixed(5)),
      address: `${place}, Campina Grande - PB`,
    };
  });
  // Each tower hangs from the nearest tower closer to the POP: the backhaul tree.
  const uplinkOf = towers.map((tower, i) => {
    if (i === 0) return -1;
    const closer = towers.slice(0, i);
    let best = 0;
    let bestDistance = Infinity;
    closer.forEach((other, j) => {
      const d = Math.hypot(other.latitude - tower.latitude, other.longitude - tower.longitude);
      if (d < bestDistance) [best, bestDistance] = [j, d];
    });
    return best;
  });

  const devices: PlannedDevice[] = [];
  let host = 0;
  const address = () => {
    host++;
    return `100.64.${Math.floor(host / 250)}.${(host % 250) + 1}`;
  };
  const add = (
    key: string,
    towerIndex: number,
    parentKey: string | null,
    kind: DeviceKind,
    name: string,
    model: readonly [string, string],
    tags: string[],
  ) =>
    devices.push({
      key,
      towerIndex,
      parentKey,
      input: { name, host: address(), kind, vendor: model[0], model: model[1], tags },
    });

  towers.forEach((tower, t) => {
    const code = tower.code;
    const uplink = uplinkOf[t]!;
    if (t === 0) {
      add(
        `${t}:router`,
        t,
        null,
        'router',
        `${code} Borda BGP`,
        ['MikroTik', 'CCR2216-1G-12XS-2XQ'],
        ['core', 'bgp'],
      );
      add(
        `${t}:switch`,
        t,
        `${t}:router`,
        'switch',
        `${code} Switch Core`,
        ['Huawei', 'S6730-H24X6C'],
        ['core'],
      );
      add(`${t}:olt`, t, `${t}:switch`, 'olt', `${code} OLT GPON`, ['Huawei', 'MA5800-X7'], ['gpon']);
    } else {
      add(
        `${t}:bh-in`,
        t,
        `${uplink}:bh-out:${t}`,
        'backhaul',
        `${code} PTP ← ${towers[uplink]!.code}`,
        pick(random, BACKHAUL_MODELS),
        ['backhaul'],
      );
      add(`${t}:switch`, t, `${t}:bh-in`, 'switch', `${code} Switch`, ['MikroTik', 'CRS326-24G-2S+'], []);
      add(`${t}:router`, t, `${t}:switch`, 'router', `${code} Roteador`, ['MikroTik', 'RB5009UG+S+'], []);
    }
    towers.forEach((_, child) => {
      if (uplinkOf[child] === t) {
        add(
          `${t}:bh-out:${child}`,
          t,
          `${t}:switch`,
          'backhaul',
          `${code} PTP → ${towers[child]!.code}`,
          pick(random, BACKHAUL_MODELS),
          ['backhaul'],
        );
      }
    });
    const sectors = 4 + Math.floor(random() * 3);
    for (let s = 0; s < sectors; s++) {
      const azimuth = Math.round((360 / sectors) * s);
      add(
        `${t}:ap:${s}`,
        t,
        `${t}:switch`,
        'sector_ap',
        `${code} Setor ${azimuth}°`,
        pick(random, SECTOR_MODELS),
        ['setor'],
      );
      const cpes = 3 + Math.floor(random() * 4);
      for (let c = 0; c < cpes; c++) {
        add(
          `${t}:ap:${s}:cpe:${c}`,
          t,
          `${t}:ap:${s}`,
          'cpe',
          `Cliente empresarial ${tower.name} ${s + 1}.${c + 1}`,
          pick(random, CPE_MODELS),
          ['cliente', 'empresarial'],
        );
      }
    }
  });
  return { towers, devices };
}

/** Fills an empty store with the demo network; a store that holds anything is left alone. */
export async function seedDemoNetwork(
  repo: Repository,
): Promise<{ seeded: boolean; towers: number; devices: number }> {
  const [towers, devices] = await Promise.all([repo.towers.list(), repo.devices.list()]);
  if (towers.length > 0 || devices.length > 0)
    return { seeded: false, towers: towers.length, devices: devices.length };
  const plan = planDemoNetwork();
  const createdTowers: Tower[] = [];
  for (const tower of plan.towers) createdTowers.push(await repo.towers.create(tower));
  const created = await repo.devices.createMany(
    plan.devices.map((device) => ({
      ...device.input,
      towerId: createdTowers[device.towerIndex]!.id,
      parentId: null,
    })),
  );
  const idByKey = new Map(plan.devices.map((device, i) => [device.key, created[i]!.id]));
  for (const [i, device] of plan.devices.entries()) {
    if (device.parentKey)
      await repo.devices.update(created[i]!.id, { parentId: idByKey.get(device.parentKey)! });
  }
  return { seeded: true, towers: createdTowers.length, devices: created.length };
}
