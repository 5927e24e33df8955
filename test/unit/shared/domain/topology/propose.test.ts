import { describe, expect, it } from 'vitest';
import type { DeviceKind } from '../../../../../shared/contract/entities';
import type { Neighbour, NeighbourReport } from '../../../../../shared/contract/topology';
import { proposeParents, type TopologyInventoryDevice } from '../../../../../shared/domain/topology/propose';

const device = (
  id: number,
  name: string,
  kind: DeviceKind,
  parentId: number | null = null,
): TopologyInventoryDevice => ({ id, name, host: `10.9.0.${id}`, kind, parentId });

const lldp = (localPort: string, seen: Partial<Neighbour>): Neighbour => ({
  protocol: 'lldp',
  localPort,
  chassisId: null,
  name: null,
  address: null,
  ...seen,
});

const report = (
  deviceId: number,
  neighbours: Neighbour[],
  self: Partial<NeighbourReport> = {},
): NeighbourReport => ({
  deviceId,
  chassisId: null,
  sysName: null,
  neighbours,
  missing: [],
  error: null,
  ...self,
});

describe('parent proposals from neighbour tables', () => {
  it('reads a tree: router → switch → backhaul → sector, by address, chassis id and name', () => {
    const devices = [
      device(1, 'CG-09 Borda', 'router'),
      device(2, 'CG-09 Switch', 'switch'),
      device(3, 'CG-09 PTP Serra', 'backhaul'),
      device(4, 'CG-09 Setor 72°', 'sector_ap'),
    ];
    const picture = proposeParents(devices, [
      report(1, [lldp('sfp1', { address: '10.9.0.2' })]),
      report(2, [
        lldp('ether1', { address: '10.9.0.1' }),
        lldp('ether2', { chassisId: 'aa:bb:cc:00:00:03' }),
        { ...lldp('ether3', { name: 'cg-09 setor 72°' }), protocol: 'mndp' },
      ]),
      report(3, [], { chassisId: 'AA:BB:CC:00:00:03' }),
    ]);
    expect(picture.proposals).toEqual([
      {
        childId: 2,
        parentId: 1,
        configuredParentId: null,
        evidence: { observerId: 1, protocol: 'lldp', port: 'sfp1' },
      },
      {
        childId: 3,
        parentId: 2,
        configuredParentId: null,
        evidence: { observerId: 2, protocol: 'lldp', port: 'ether2' },
      },
      {
        childId: 4,
        parentId: 2,
        configuredParentId: null,
        evidence: { observerId: 2, protocol: 'mndp', port: 'ether3' },
      },
    ]);
    expect([picture.undecided, picture.loops, picture.ambiguous, picture.unknown]).toEqual([[], [], [], []]);
  });

  it('follows the configured tree over device kinds, proposes only what differs, counts what agrees', () => {
    // The operator hung the router from the switch on purpose (a CPE-side router): kept.
    const devices = [
      device(1, 'Switch núcleo', 'switch'),
      device(2, 'Roteador cliente', 'router', 1),
      device(3, 'Setor Norte', 'sector_ap', 1),
      device(4, 'PTP Norte', 'backhaul'),
    ];
    const picture = proposeParents(devices, [
      report(1, [lldp('ether1', { address: '10.9.0.2' })]),
      report(4, [lldp('ether5', { address: '10.9.0.3' })]),
    ]);
    expect(picture.agreeing).toBe(1);
    expect(picture.proposals).toEqual([
      {
        childId: 3,
        parentId: 4,
        configuredParentId: 1,
        evidence: { observerId: 4, protocol: 'lldp', port: 'ether5' },
      },
    ]);
  });

  it('proposes nothing around a loop: a ring of one kind stays undecided, a closing proposal is left out', () => {
    const ring = proposeParents(
      [device(1, 'SW A', 'switch'), device(2, 'SW B', 'switch'), device(3, 'SW C', 'switch')],
      [
        report(1, [lldp('p1', { address: '10.9.0.2' })]),
        report(2, [lldp('p2', { address: '10.9.0.3' })]),
        report(3, [lldp('p3', { address: '10.9.0.1' })]),
      ],
    );
    expect(ring.proposals).toEqual([]);
    expect(ring.undecided.map(({ a, b }) => [a, b])).toEqual([
      [1, 2],
      [2, 3],
      [1, 3],
    ]);
    // The router was configured under the CPE by mistake; the switch between them would close a loop.
    const closing = proposeParents(
      [device(1, 'Borda', 'router', 3), device(2, 'Switch', 'switch'), device(3, 'CPE', 'cpe')],
      [report(2, [lldp('ether1', { address: '10.9.0.1' }), lldp('ether2', { address: '10.9.0.3' })])],
    );
    expect(closing.proposals.map(({ childId, parentId }) => [childId, parentId])).toEqual([[2, 1]]);
    expect(closing.loops).toEqual([{ childId: 3, parentId: 2 }]);
  });

  it('makes no proposal from an ambiguous match, and counts neighbours not in the inventory', () => {
    const devices = [
      device(1, 'Switch', 'switch'),
      device(2, 'Setor', 'sector_ap'),
      device(3, 'SETOR', 'sector_ap'),
    ];
    const picture = proposeParents(devices, [
      report(1, [
        lldp('ether3', { name: 'setor', address: '192.0.2.50' }),
        lldp('ether4', { address: '192.0.2.77', name: 'desconhecido' }),
      ]),
    ]);
    expect(picture.proposals).toEqual([]);
    // An address not in the inventory does not stop the name from being tried: it names two devices.
    expect(picture.ambiguous).toMatchObject([
      { observerId: 1, candidates: [2, 3], neighbour: { localPort: 'ether3' } },
    ]);
    expect(picture.unknown).toMatchObject([{ observerId: 1, neighbour: { localPort: 'ether4' } }]);
  });

  it('lists a child seen under two parents (redundant uplinks) without proposing either', () => {
    const picture = proposeParents(
      [device(1, 'SW A', 'switch'), device(2, 'SW B', 'switch'), device(3, 'PTP', 'backhaul')],
      [report(3, [lldp('eth0', { address: '10.9.0.1' }), lldp('eth1', { address: '10.9.0.2' })])],
    );
    expect(picture.proposals).toEqual([]);
    expect(picture.severalParents).toEqual([{ childId: 3, parentIds: [1, 2] }]);
  });
});
