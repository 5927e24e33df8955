import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../shared/contract/events';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { renderAlarm } from '../../shared/domain/alarms/render';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { SnmpMonitor } from '../../electron/engine/snmp/snmp-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { startSimulatedAgent, type SimulatedAgent } from '../helpers/snmp-agents';

const dir = mkdtempSync(join(tmpdir(), 'vigia-snmp-monitor-'));
const port = 40_000 + Math.floor(Math.random() * 10_000);
const cipher = createFileKeyCipher(dir);
let repo: Repository;
let agent: SimulatedAgent;
let monitor: SnmpMonitor;
let deviceId: number;
let towerId: number;
let inventory: Inventory;
let now = 1_800_000_000_000;
const events: VigiaEvent[] = [];
const poller = new SnmpPoller();

beforeAll(async () => {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  agent = startSimulatedAgent({ address: '127.0.0.1', port, vendor: 'mikrotik', interfaces: 3, clients: 4 });
  const tower = await repo.towers.create({
    name: 'Torre Norte',
    code: 'TN',
    latitude: -7.2,
    longitude: -35.9,
  });
  towerId = tower.id;
  const device = await repo.devices.create({
    name: 'AP Setor Norte',
    host: '127.0.0.1',
    kind: 'sector_ap',
    towerId,
  });
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
  const bus = new EventBus();
  bus.subscribe((event) => events.push(event));
  inventory = await Inventory.load(repo);
  monitor = new SnmpMonitor({
    repo,
    inventory,
    alarms: await AlarmService.load({ repo, bus, now: () => now }),
    cipher,
    clock: () => now,
    options: { timeoutMs: 500, retries: 0 },
    // The poll's timestamps follow the test's clock, so rates come out exact.
    transport: {
      poll: async (targets, options) =>
        (await poller.poll(targets, options)).map((result) => ({ ...result, at: now })),
    },
  });
  await monitor.reload();
});

afterAll(async () => {
  await monitor?.stop();
  await agent?.close();
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

let octets = 0n;
async function pollAfter(seconds: number, utilisation: number): Promise<void> {
  now += seconds * 1000;
  octets += BigInt(Math.round(((utilisation / 100) * 1e9 * seconds) / 8));
  agent.setOctets(2, octets, 0n);
  await monitor.tick();
}

const active = async () =>
  (await repo.alarms.list({ states: ['active'], limit: 50 })).map((alarm) => ({
    type: alarm.type,
    ref: alarm.ref,
    params: alarm.params,
  }));

describe('SNMP monitor', () => {
  it('lists interfaces and the radio clients at the first poll, without rates yet', async () => {
    await pollAfter(0, 0);
    const interfaces = monitor.interfaces(deviceId);
    expect(interfaces.map((row) => row.name)).toEqual(['ether1', 'ether2', 'ether3']);
    expect(interfaces[0]!.inBps).toBeNull();
    expect(inventory.subscribersBehind(towerId)).toBe(4);
  });

  it('raises a utilisation alarm after two busy polls, and clears it after two calm ones', async () => {
    await pollAfter(60, 95);
    expect(monitor.interfaces(deviceId).find((row) => row.index === 2)?.utilizationPct).toBeCloseTo(95, 5);
    expect(await active()).toEqual([]);
    await pollAfter(60, 96);
    expect(await active()).toEqual([
      { type: 'if_utilization', ref: 'if:2', params: { interface: 'ether2', value: 96, limit: 90 } },
    ]);
    const [raised] = await repo.alarms.list({ states: ['active'], limit: 1 });
    expect(renderAlarm('pt-BR', raised!)).toBe('ether2: utilização de 96%, acima de 90%');
    expect(renderAlarm('en', raised!)).toBe('ether2: utilisation 96%, above 90%');
    expect(monitor.topInterfaces(1)[0]).toMatchObject({ deviceId, index: 2 });
    await pollAfter(60, 10);
    await pollAfter(60, 10);
    expect(await active()).toEqual([]);
    expect(events.filter((event) => event.type === 'alarm.raised')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'alarm.cleared')).toHaveLength(1);
  });

  it('raises an alarm when an interface goes down and clears it when it comes back', async () => {
    agent.setOperUp(3, false);
    await pollAfter(60, 10);
    expect(await active()).toEqual([{ type: 'if_down', ref: 'if:3', params: { interface: 'ether3' } }]);
    agent.setOperUp(3, true);
    await pollAfter(60, 10);
    expect(await active()).toEqual([]);
  });

  it('keeps five-minute rollups of traffic and radio in the store', async () => {
    await pollAfter(300, 10);
    const rollups = await repo.snmp.interfaceRollups(deviceId, 0, now);
    expect(rollups.filter((row) => row.ifIndex === 2).length).toBeGreaterThan(0);
    expect(rollups.some((row) => row.utilizationMaxPct !== null && row.utilizationMaxPct > 90)).toBe(true);
    expect((await repo.snmp.wirelessRollups(deviceId, 0, now))[0]).toMatchObject({ clientsMax: 4 });
    expect((await repo.snmp.configs())[0]).toMatchObject({ lastError: null, lastPollAt: now });
  });

  it('records a clear error when the agent stops answering', async () => {
    await agent.close();
    await pollAfter(60, 10);
    expect((await repo.snmp.configs())[0]!.lastError).toMatch(/no SNMP answer/);
  });
});
