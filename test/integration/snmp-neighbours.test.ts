import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SnmpOptions } from '../../shared/contract/snmp';
import type { NeighbourReport } from '../../shared/contract/topology';
import { proposeParents } from '../../shared/domain/topology/propose';
import { readNeighbours } from '../../electron/workers/snmp/neighbours';
import { loadSnmprec, startSnmprecAgent, type SnmprecAgent } from '../helpers/snmprec-agent';

/**
 * Neighbour tables read from the recorded agents of test/fixtures/snmp (LLDP-MIB and MNDP on a
 * MikroTik, CISCO-CDP-MIB on a Cisco, none on a CPE), then matched to an inventory.
 */
const fixtures = join(__dirname, '../fixtures/snmp');
const options = SnmpOptions.parse({ timeoutMs: 500, retries: 0 });
let nextPort = 20_000 + Math.floor(Math.random() * 20_000);
const agents: SnmprecAgent[] = [];

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.close()));
});

async function read(id: number, file: string, extra: { refuse?: string[] } = {}): Promise<NeighbourReport> {
  const port = nextPort++;
  const records = await loadSnmprec(join(fixtures, `${file}.snmprec`));
  agents.push(await startSnmprecAgent({ records, address: '127.0.0.1', port, ...extra }));
  return readNeighbours(
    { id, host: '127.0.0.1', port, credentials: { version: '2c', community: 'public' } },
    options,
  );
}

const mikrotik = {
  deviceId: 1,
  chassisId: '4c:5e:0c:11:00:09',
  sysName: 'CG-09 Switch',
  neighbours: [
    {
      protocol: 'lldp',
      localPort: 'sfp-sfpplus1',
      chassisId: '4c:5e:0c:22:00:01',
      name: 'CG-09 Borda',
      address: '10.9.0.1',
    },
    { protocol: 'lldp', localPort: 'sfp-sfpplus1', chassisId: 'SW-RESERVA', name: null, address: null },
    {
      protocol: 'mndp',
      localPort: 'ether1',
      chassisId: '4c:5e:0c:33:00:72',
      name: 'CG-09 Setor 72°',
      address: '10.9.0.72',
    },
    {
      protocol: 'mndp',
      localPort: 'sfp-sfpplus1',
      chassisId: '4c:5e:0c:22:00:01',
      name: 'CG-09 Borda',
      address: '10.9.0.1',
    },
  ],
  missing: ['cdp'],
  error: null,
};

describe('neighbour tables of the recorded agents', () => {
  it('MikroTik RouterOS v7: LLDP (chassis, name, management address) and MNDP, local ports named', async () => {
    expect(await read(1, 'mikrotik-routeros-v7')).toEqual(mikrotik);
  });

  it('Cisco IOS: CDP with ifName as the local port; no LLDP', async () => {
    expect(await read(2, 'cisco-ios')).toEqual({
      deviceId: 2,
      chassisId: null,
      sysName: 'sw-core-cisco',
      neighbours: [
        { protocol: 'cdp', localPort: 'Gi0/2', chassisId: null, name: 'AP-Reserva', address: '192.0.2.50' },
        { protocol: 'cdp', localPort: 'Te1/0/1', chassisId: null, name: 'CG-09 Borda', address: '10.9.0.1' },
      ],
      missing: ['lldp', 'mndp'],
      error: null,
    });
  });

  it('an agent with no neighbour table, one that refuses LLDP outright, and one that does not answer', async () => {
    expect(await read(3, 'intelbras-cpe')).toMatchObject({
      neighbours: [],
      missing: ['lldp', 'cdp', 'mndp'],
      error: null,
    });
    // Refusing LLDP costs LLDP only: the MNDP rows still come.
    const refused = await read(4, 'mikrotik-routeros-v7', { refuse: ['1.0.8802'] });
    expect(refused).toMatchObject({ chassisId: null, missing: ['lldp', 'cdp'], error: null });
    expect(refused.neighbours).toEqual(
      mikrotik.neighbours.filter((neighbour) => neighbour.protocol === 'mndp'),
    );
    const silent = await readNeighbours(
      { id: 5, host: '127.0.0.1', port: nextPort++, credentials: { version: '2c', community: 'public' } },
      { ...options, timeoutMs: 100 },
    );
    expect(silent).toMatchObject({
      deviceId: 5,
      neighbours: [],
      error: expect.stringContaining('no SNMP answer'),
    });
  });

  it('proposes the tree the tables describe, and counts what is not in the inventory', async () => {
    const reports = [await read(1, 'mikrotik-routeros-v7'), await read(2, 'cisco-ios')];
    const picture = proposeParents(
      [
        { id: 1, name: 'CG-09 Switch', host: '10.9.0.2', kind: 'switch', parentId: null },
        { id: 2, name: 'Core Cisco', host: '10.9.0.3', kind: 'switch', parentId: null },
        { id: 3, name: 'CG-09 Borda', host: '10.9.0.1', kind: 'router', parentId: null },
        { id: 4, name: 'Setor 72 (CG-09)', host: '10.9.0.72', kind: 'sector_ap', parentId: 1 },
      ],
      reports,
    );
    expect(picture.proposals).toEqual([
      {
        childId: 1,
        parentId: 3,
        configuredParentId: null,
        evidence: { observerId: 1, protocol: 'lldp', port: 'sfp-sfpplus1' },
      },
      {
        childId: 2,
        parentId: 3,
        configuredParentId: null,
        evidence: { observerId: 2, protocol: 'cdp', port: 'Te1/0/1' },
      },
    ]);
    expect(picture.agreeing).toBe(1);
    expect(picture.unknown.map(({ neighbour }) => neighbour.name ?? neighbour.chassisId)).toEqual([
      'SW-RESERVA',
      'AP-Reserva',
    ]);
  });
});
