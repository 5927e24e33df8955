import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { SnmpMonitor } from '../../electron/engine/snmp/snmp-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { loadSnmprec, startSnmprecAgent, type SnmpRecord, type SnmprecAgent } from '../helpers/snmprec-agent';

/**
 * A router that reboots and comes back with its ifIndex renumbered: each interface keeps its
 * state and alarms under its name, an interface that is gone has its alarms cleared, and the
 * device page hears which data the agent lacks.
 */
const dir = mkdtempSync(join(tmpdir(), 'vigia-snmp-renumber-'));
const port = 40_000 + Math.floor(Math.random() * 10_000);
const cipher = createFileKeyCipher(dir);
const poller = new SnmpPoller();
let repo: Repository;
let agent: SnmprecAgent;
let alarms: AlarmService;
let monitor: SnmpMonitor;
let deviceId: number;
let records: SnmpRecord[];
let now = 1_800_000_000_000;

const IF_ENTRY = '1.3.6.1.2.1.2.2.1.';
const OPER_STATUS = `${IF_ENTRY}8.`;

/** The same records with each row's index replaced as `renumber` says, and sysUpTime back near zero. */
function rebooted(renumber: Map<number, number>, drop: number[]): SnmpRecord[] {
  const table = /^(1\.3\.6\.1\.2\.1\.(?:2\.2\.1|31\.1\.1\.1)\.\d+)\.(\d+)$/;
  return records
    .flatMap((record): SnmpRecord[] => {
      if (record.oid === '1.3.6.1.2.1.1.3.0') return [{ ...record, value: 100 }];
      const match = table.exec(record.oid);
      if (!match) return [record];
      const index = Number(match[2]);
      if (drop.includes(index)) return [];
      const to = renumber.get(index) ?? index;
      const value = record.oid.startsWith(`${IF_ENTRY}1.`) ? to : record.value;
      return [{ ...record, oid: `${match[1]}.${to}`, value }];
    })
    .sort((a, b) => {
      const x = a.oid.split('.').map(Number);
      const y = b.oid.split('.').map(Number);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    });
}

const ifAlarms = () =>
  alarms
    .openAlarms('snmp')
    .filter((alarm) => alarm.deviceId === deviceId)
    .map((alarm) => [alarm.type, alarm.ref, alarm.params.interface])
    .sort();

async function round(): Promise<void> {
  now += 60_000;
  await monitor.tick();
}

beforeAll(async () => {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  records = await loadSnmprec(join(__dirname, '../fixtures/snmp/mikrotik-routeros-v7.snmprec'));
  agent = await startSnmprecAgent({ records: records.slice(), address: '127.0.0.1', port });
  const device = await repo.devices.create({ name: 'CG-09 Switch', host: '127.0.0.1', kind: 'router' });
  deviceId = device.id;
  await repo.snmp.setConfig({
    deviceId,
    enabled: true,
    port,
    version: '2c',
    user: null,
    sealedCredentials: await cipher.encrypt(JSON.stringify({ version: '2c', community: 'public' })),
    intervalS: 60,
  });
  alarms = await AlarmService.load({ repo, bus: new EventBus(), now: () => now });
  monitor = new SnmpMonitor({
    repo,
    inventory: await Inventory.load(repo),
    alarms,
    cipher,
    clock: () => now,
    options: { timeoutMs: 500, retries: 0 },
    transport: {
      poll: async (targets, options) =>
        (await poller.poll(targets, options)).map((result) => ({ ...result, at: now })),
    },
  });
  await monitor.reload();
});

afterAll(async () => {
  await monitor?.stop();
  poller.close();
  await agent?.close();
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ifIndex renumbered after a reboot', () => {
  it('keeps each interface state and alarms under its name, and clears those of a removed one', async () => {
    await round();
    expect(monitor.missing(deviceId)).toEqual(['wireless']);
    // sfp-sfpplus1 (2) and bridge1 (7) go down: one if_down alarm each.
    agent.set(`${OPER_STATUS}2`, snmp.ObjectType.Integer, 2);
    agent.set(`${OPER_STATUS}7`, snmp.ObjectType.Integer, 2);
    await round();
    expect(ifAlarms()).toEqual([
      ['if_down', 'if:2', 'sfp-sfpplus1'],
      ['if_down', 'if:7', 'bridge1'],
    ]);
    records = agent.records();
    // The reboot: ether1 1 → 4, sfp-sfpplus1 2 → 1, bridge1 is gone.
    agent.setRecords(
      rebooted(
        new Map([
          [1, 4],
          [2, 1],
        ]),
        [7],
      ),
    );
    await round();
    const interfaces = monitor.interfaces(deviceId).sort((a, b) => a.index - b.index);
    expect(interfaces.map((row) => [row.index, row.name, row.operUp])).toEqual([
      [1, 'sfp-sfpplus1', false],
      [4, 'ether1', true],
    ]);
    expect(ifAlarms()).toEqual([['if_down', 'if:1', 'sfp-sfpplus1']]);
    // sfp-sfpplus1 comes back: its alarm, now under its new index, clears.
    agent.set(`${OPER_STATUS}1`, snmp.ObjectType.Integer, 1);
    await round();
    expect(ifAlarms()).toEqual([]);
  });
});
