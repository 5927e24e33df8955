import { join } from 'node:path';
import * as snmp from 'net-snmp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SnmpOptions,
  type SnmpDataKind,
  type SnmpPollResult,
  type SnmpVendor,
} from '../../shared/contract/snmp';
import { computeRates } from '../../shared/domain/snmp/counters';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { loadSnmprec, startSnmprecAgent, type SnmprecAgent } from '../helpers/snmprec-agent';

/**
 * The recorded agents of test/fixtures/snmp, each served as it answers, polled twice by the real
 * poller with traffic in between: what each vendor's agent gives (and lacks) must come out exactly.
 */
const fixtures = join(__dirname, '../fixtures/snmp');
const options = SnmpOptions.parse({ timeoutMs: 500, retries: 0 });
const IF_IN_OCTETS = '1.3.6.1.2.1.2.2.1.10';
const IF_HC_IN_OCTETS = '1.3.6.1.2.1.31.1.1.1.6';

interface Case {
  file: string;
  vendor: SnmpVendor;
  /** index → name, speed (Mbit/s), up, alias. */
  interfaces: [number, string, number, boolean, string][];
  missing: SnmpDataKind[];
  hc: boolean;
  /** The interface that carries the traffic added between the two polls. */
  busy: number;
  wireless?: Partial<NonNullable<SnmpPollResult['wireless']>>;
}

const cases: Case[] = [
  {
    file: 'mikrotik-routeros-v6',
    vendor: 'mikrotik',
    interfaces: [
      [1, 'ether1', 1000, true, 'uplink torre'],
      [2, 'wlan1', 0, true, ''],
    ],
    missing: [],
    hc: true,
    busy: 1,
    wireless: { kind: 'mikrotik', clientCount: 2, signalDbm: -64.5, noiseFloorDbm: -104, ccqPct: 91 },
  },
  {
    file: 'mikrotik-routeros-v7',
    vendor: 'mikrotik',
    interfaces: [
      [1, 'ether1', 1000, true, ''],
      [2, 'sfp-sfpplus1', 10_000, true, 'PTP backbone'],
      [7, 'bridge1', 0, true, ''],
    ],
    missing: ['wireless'],
    hc: true,
    busy: 2,
  },
  {
    file: 'ubiquiti-airmax',
    vendor: 'ubiquiti-airmax',
    interfaces: [
      [1, 'lo', 0, true, ''],
      [2, 'eth0', 100, true, ''],
      [5, 'ath0', 0, true, ''],
    ],
    missing: ['hcCounters'],
    hc: false,
    busy: 5,
    wireless: { kind: 'airmax', signalDbm: -64, ccqPct: 95, capacityPct: 71, txRateMbps: 150 },
  },
  {
    file: 'ubiquiti-airfiber',
    vendor: 'ubiquiti-airfiber',
    interfaces: [
      [1, 'eth0', 1000, true, ''],
      [2, 'air0', 1400, true, ''],
    ],
    missing: ['ifAlias'],
    hc: true,
    busy: 2,
  },
  {
    file: 'cisco-ios',
    vendor: 'cisco',
    interfaces: [
      [1, 'Gi0/1', 1000, true, 'Ligação São Paulo'],
      [2, 'Gi0/2', 1000, false, ''],
      [10101, 'Te1/0/1', 10_000, true, ''],
    ],
    missing: [],
    hc: true,
    busy: 10101,
  },
  {
    file: 'huawei-vrp',
    vendor: 'huawei',
    interfaces: [
      [1, 'GigabitEthernet0/0/1', 1000, true, ''],
      [2, 'GigabitEthernet0/0/2', 1000, true, ''],
      [3, 'GigabitEthernet0/0/3', 1000, true, ''],
    ],
    missing: [],
    hc: true,
    busy: 3,
  },
  {
    file: 'juniper-junos',
    vendor: 'juniper',
    interfaces: [
      [501, 'ge-0/0/0', 1000, true, 'to-core'],
      [502, 'ge-0/0/1', 1000, true, ''],
      [503, 'xe-0/1/0', 10_000, true, 'transit'],
    ],
    missing: [],
    hc: true,
    busy: 503,
  },
  {
    file: 'intelbras-cpe',
    vendor: 'generic',
    interfaces: [
      [1, 'eth0', 100, true, ''],
      [2, 'Rádio 5 GHz', 54, true, ''],
    ],
    missing: ['ifName', 'ifAlias', 'hcCounters', 'errors', 'discards'],
    hc: false,
    busy: 2,
  },
  {
    file: 'datacom-dmos',
    vendor: 'generic',
    interfaces: [
      [1, 'eth1/1', 1000, true, ''],
      [2, 'eth1/2', 1000, true, ''],
      [3, 'eth1/3', 1000, true, ''],
    ],
    missing: ['ifAlias', 'hcCounters', 'discards'],
    hc: false,
    busy: 1,
  },
];

const basePort = 20_000 + Math.floor(Math.random() * 20_000);
let nextPort = basePort;
const agents: SnmprecAgent[] = [];
const poller = new SnmpPoller();

afterAll(async () => {
  poller.close();
  await Promise.all(agents.map((agent) => agent.close()));
});

async function serve(file: string, extra: { replyFrom?: string; refuse?: string[] } = {}) {
  const port = nextPort++;
  const records = await loadSnmprec(join(fixtures, `${file}.snmprec`));
  const agent = await startSnmprecAgent({ records, address: '127.0.0.1', port, ...extra });
  agents.push(agent);
  return { port, agent, records };
}

const pollOnce = async (id: number, port: number, version: '1' | '2c' = '2c') =>
  (
    await poller.poll(
      [{ id, host: '127.0.0.1', port, credentials: { version, community: 'public' } }],
      options,
    )
  )[0]!;

describe('agents as they are: the recorded corpus', () => {
  it.each(cases.map((entry, i) => [entry.file, entry, i + 1] as const))(
    '%s: interfaces, speeds, missing data, and the traffic between two polls',
    async (_file, entry, id) => {
      const { port, agent, records } = await serve(entry.file);
      const first = await pollOnce(id, port);
      expect(first.error).toBeNull();
      expect(first.system?.vendor).toBe(entry.vendor);
      expect(
        first.interfaces.map((row) => [row.index, row.name, row.speedMbps, row.operUp, row.alias]),
      ).toEqual(entry.interfaces);
      expect([...first.missing].sort()).toEqual([...entry.missing].sort());
      expect(first.counters.every((row) => row.hc === entry.hc)).toBe(true);
      if (entry.wireless) expect(first.wireless).toMatchObject(entry.wireless);
      else expect(first.wireless).toBeNull();

      // 7.5 MB more in each counter of the busy interface: 60 Mbit/s over one second.
      const added = 7_500_000n;
      for (const column of [IF_IN_OCTETS, IF_HC_IN_OCTETS]) {
        const oid = `${column}.${entry.busy}`;
        const record = records.find((row) => row.oid === oid);
        if (!record || snmp.isVarbindError(record as snmp.Varbind)) continue;
        if (column === IF_HC_IN_OCTETS) {
          const buffer = Buffer.alloc(8);
          buffer.writeBigUInt64BE((record.value as Buffer).readBigUInt64BE() + added);
          agent.set(oid, snmp.ObjectType.Counter64, buffer);
        } else {
          agent.set(
            oid,
            snmp.ObjectType.Counter,
            Number((BigInt(record.value as number) + added) % 2n ** 32n),
          );
        }
      }
      const second = await pollOnce(id, port);
      expect(second.error).toBeNull();
      expect(second.discovered).toBe(false);
      const speeds = new Map(second.interfaces.map((row) => [row.index, row.speedMbps]));
      const outcome = computeRates({ ...first, at: 0 }, { ...second, at: 1_000 }, speeds);
      expect(outcome.kind).toBe('rates');
      if (outcome.kind !== 'rates') return;
      const busy = outcome.rates.find((rate) => rate.index === entry.busy)!;
      // An interface whose speed is known but below 60 Mbit/s has the rate dropped as implausible.
      const speed = speeds.get(entry.busy)!;
      expect(busy.inBps).toBe(speed > 0 && speed < 66 ? null : 60_000_000);
      expect(busy.outBps).toBe(0);
      expect(busy.inErrorsPerSec).toBe(entry.missing.includes('errors') ? null : 0);
      expect(busy.inDiscardsPerSec).toBe(entry.missing.includes('discards') ? null : 0);
    },
  );

  it('reads an agent that answers from another source address than the one asked', async () => {
    const { port } = await serve('intelbras-cpe', { replyFrom: '127.0.0.2' });
    const result = await pollOnce(100, port);
    expect(result.error).toBeNull();
    expect(result.interfaces.map((row) => row.name)).toEqual(['eth0', 'Rádio 5 GHz']);
  });

  it.each(['1', '2c'] as const)(
    'an SNMPv%s agent that refuses whole requests over the columns it lacks still gives its traffic',
    async (version) => {
      const { port, agent } = await serve('intelbras-cpe', {
        refuse: [
          '1.3.6.1.2.1.2.2.1.13',
          '1.3.6.1.2.1.2.2.1.14',
          '1.3.6.1.2.1.2.2.1.19',
          '1.3.6.1.2.1.2.2.1.20',
          '1.3.6.1.2.1.31',
        ],
      });
      const id = version === '1' ? 101 : 102;
      const first = await pollOnce(id, port, version);
      expect(first.error).toBeNull();
      expect(first.interfaces.map((row) => [row.index, row.name, row.speedMbps])).toEqual([
        [1, 'eth0', 100],
        [2, 'Rádio 5 GHz', 54],
      ]);
      expect([...first.missing].sort()).toEqual(['discards', 'errors', 'hcCounters', 'ifAlias', 'ifName']);
      agent.set(`${IF_IN_OCTETS}.1`, snmp.ObjectType.Counter, 1_000_000 + 7_500_000);
      const second = await pollOnce(id, port, version);
      expect(second.error).toBeNull();
      const outcome = computeRates({ ...first, at: 0 }, { ...second, at: 1_000 }, new Map([[1, 100]]));
      expect(outcome).toMatchObject({ kind: 'rates' });
      if (outcome.kind === 'rates')
        expect(outcome.rates.find((rate) => rate.index === 1)?.inBps).toBe(60_000_000);
    },
  );
});
