import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnmpOptions } from '../../shared/contract/snmp';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { TopologyService } from '../../electron/engine/topology/topology-service';
import { readNeighbours } from '../../electron/workers/snmp/neighbours';
import { loadSnmprec, startSnmprecAgent, type SnmprecAgent } from '../helpers/snmprec-agent';

/**
 * The topology service over a real SQLite store and two recorded agents on loopback (the
 * MikroTik and the Cisco of test/fixtures/snmp), read by the worker's own neighbour reader.
 */
const dir = mkdtempSync(join(tmpdir(), `vigia-topology-${process.pid}-`));
const cipher = createFileKeyCipher(dir);
const basePort = 20_000 + Math.floor(Math.random() * 20_000);
const agents: SnmprecAgent[] = [];
let repo: Repository;
let service: TopologyService;
const ids: Record<string, number> = {};

beforeAll(async () => {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const devices = [
    ['switch', 'CG-09 Switch', '127.0.0.1', 'switch', 'mikrotik-routeros-v7'],
    ['cisco', 'sw-core-cisco', '127.0.0.2', 'switch', 'cisco-ios'],
    ['edge', 'CG-09 Borda', '127.0.0.3', 'router', null],
    ['sector', 'CG-09 Setor 72°', '127.0.0.4', 'sector_ap', null],
  ] as const;
  for (const [key, name, host, kind, recording] of devices) {
    ids[key] = (await repo.devices.create({ name, host, kind })).id;
    if (!recording) continue;
    const port = basePort + agents.length;
    agents.push(
      await startSnmprecAgent({
        records: await loadSnmprec(join(__dirname, `../fixtures/snmp/${recording}.snmprec`)),
        address: host,
        port,
      }),
    );
    await repo.snmp.setConfig({
      deviceId: ids[key]!,
      enabled: true,
      port,
      version: '2c',
      user: null,
      sealedCredentials: await cipher.encrypt(JSON.stringify({ version: '2c', community: 'public' })),
      intervalS: 60,
    });
  }
  service = new TopologyService({
    repo,
    cipher,
    reader: {
      read: (targets, options) => Promise.all(targets.map((target) => readNeighbours(target, options))),
    },
    options: () => SnmpOptions.parse({ timeoutMs: 500, retries: 0 }),
    log: () => undefined,
    now: () => 5_000,
  });
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.close()));
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('topology service', () => {
  it('reads the agents, stores the proposals, and keeps a rejection across discoveries', async () => {
    const view = await service.discover();
    const sentences = view.proposals.map(({ childId, parentId, protocol, port, state }) => [
      childId,
      parentId,
      protocol,
      port,
      state,
    ]);
    expect(sentences).toEqual([
      [ids.switch, ids.edge, 'lldp', 'sfp-sfpplus1', 'proposed'],
      [ids.cisco, ids.edge, 'cdp', 'Te1/0/1', 'proposed'],
      [ids.sector, ids.switch, 'mndp', 'ether1', 'proposed'],
    ]);
    expect(view).toMatchObject({ discoveredAt: 5_000, read: 2, agreeing: 0, unread: [] });
    expect(view.missing).toEqual({ lldp: 1, cdp: 1, mndp: 1 });
    // The switch's LLDP neighbour without name or address, and the Cisco's AP not in the inventory.
    expect(view.unknown.map(({ neighbour }) => neighbour.chassisId ?? neighbour.name)).toEqual([
      'SW-RESERVA',
      'AP-Reserva',
    ]);

    await service.decided([{ childId: ids.sector!, parentId: ids.switch! }], 'rejected', 'ana');
    const again = await service.discover();
    expect(again.proposals.find((proposal) => proposal.childId === ids.sector)).toMatchObject({
      state: 'rejected',
      decidedBy: 'ana',
      decidedAt: 5_000,
    });
    expect(again.proposals.filter((proposal) => proposal.state === 'proposed')).toHaveLength(2);
  });
});
