import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trapsWorkerApi, type TrapReceiverStats } from '../../shared/contract/traps-worker';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { workerTrapReceiver, type TrapReceiverPort } from '../../electron/engine/collectors/traps-port';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { SnmpMonitor } from '../../electron/engine/snmp/snmp-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { TrapService } from '../../electron/engine/traps/trap-service';
import { TrapLogQuery } from '../../shared/contract/traps';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { snmpdV3User } from '../helpers/snmpd';
import { loadSnmprec, startSnmprecAgent, type SnmprecAgent } from '../helpers/snmprec-agent';

/**
 * Debian's snmptrap and snmpinform send real traps and v3 informs to the receiver in its own
 * process; a linkDown becomes an if_down alarm at once, and the confirming poll of the device
 * (an agent that says the link is up) clears it. Refused input is counted, never a crash.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'vigia-snmp-traps-'));
const trapPort = 30_000 + Math.floor(Math.random() * 20_000);
const agentPort = trapPort + 1;
const cipher = createFileKeyCipher(dir);
const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
const poller = new SnmpPoller();
let repo: Repository;
let agent: SnmprecAgent;
let alarms: AlarmService;
let monitor: SnmpMonitor;
let receiver: TrapReceiverPort;
let service: TrapService;
let deviceId: number;
const IF_OPER_STATUS_2 = '1.3.6.1.2.1.2.2.1.8.2';
const tools = { env: { ...process.env, MIBS: '', SNMP_PERSISTENT_DIR: join(dir, 'net-snmp') } };

const v2cTrap = (community: string, trapOid: string, ...varbinds: string[]) =>
  run('snmptrap', ['-v', '2c', '-c', community, `127.0.0.1:${trapPort}`, '', trapOid, ...varbinds], tools);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const stats = () => receiver.stats();
const deviceAlarms = async () =>
  alarms
    .openAlarms('snmp')
    .filter((alarm) => alarm.deviceId === deviceId)
    .map((alarm) => `${alarm.type}@${alarm.ref}`)
    .sort();

beforeAll(async () => {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  agent = await startSnmprecAgent({
    records: await loadSnmprec(join(__dirname, '../fixtures/snmp/mikrotik-routeros-v7.snmprec')),
    address: '127.0.0.1',
    port: agentPort,
  });
  deviceId = (await repo.devices.create({ name: 'CG-09 Switch', host: '127.0.0.1', kind: 'router' })).id;
  await repo.snmp.setConfig({
    deviceId,
    enabled: true,
    port: agentPort,
    version: '2c',
    user: null,
    sealedCredentials: await cipher.encrypt(JSON.stringify({ version: '2c', community: 'public' })),
    intervalS: 3_600,
  });
  alarms = await AlarmService.load({ repo, bus: new EventBus() });
  const inventory = await Inventory.load(repo);
  monitor = new SnmpMonitor({
    repo,
    inventory,
    alarms,
    cipher,
    tickMs: 50,
    options: { timeoutMs: 500, retries: 0 },
    transport: { poll: (targets, options) => poller.poll(targets, options) },
  });
  await monitor.start();
  service = new TrapService({ alarms, links: monitor, isSuppressed: () => false });
  receiver = workerTrapReceiver(
    supervisor.supervise({ name: 'traps', entry: resolveWorkerEntry('traps'), api: trapsWorkerApi }),
    () => undefined,
  );
  receiver.onNotices((notices) => void service.handle(notices));
  const configured = await receiver.configure({
    port: trapPort,
    address: '127.0.0.1',
    ratePerSecond: 5,
    burst: 10,
    sources: [
      {
        deviceId,
        host: '127.0.0.1',
        community: 'public',
        v3: {
          version: '3',
          user: snmpdV3User.name,
          level: 'authPriv',
          authProtocol: 'sha',
          authKey: snmpdV3User.authKey,
          privProtocol: 'aes',
          privKey: snmpdV3User.privKey,
          context: '',
        },
      },
    ],
  });
  expect(configured).toMatchObject({ listening: true, error: null, port: trapPort });
  // The first round has polled the device: its interfaces are known, all up.
  await until(
    async () => monitor.interfaces(deviceId).length,
    (count) => count === 3,
    'the first poll',
  );
}, 30_000);

afterAll(async () => {
  await supervisor.stopAll();
  await monitor?.stop();
  poller.close();
  await agent?.close();
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SNMP traps and informs', () => {
  it('raises if_down at once on a v2c linkDown, and the confirming poll clears it when the link is up', async () => {
    // The agent says the link is down too: the poll confirms, the alarm stays.
    agent.set(IF_OPER_STATUS_2, snmp.ObjectType.Integer, 2);
    await v2cTrap('public', '1.3.6.1.6.3.1.1.5.3', '1.3.6.1.2.1.2.2.1.1.2', 'i', '2');
    await until(deviceAlarms, (open) => open.includes('if_down@if:2'), 'the if_down alarm');
    expect(alarms.openAlarms('snmp').find((alarm) => alarm.ref === 'if:2')?.params.interface).toBe(
      'sfp-sfpplus1',
    );
    // A linkUp the agent contradicts is corrected by the poll: the link is down, so is the alarm.
    await v2cTrap('public', '1.3.6.1.6.3.1.1.5.4', '1.3.6.1.2.1.2.2.1.1.2', 'i', '2');
    await until(deviceAlarms, (open) => open.includes('if_down@if:2'), 'the poll to raise it again');
    // The link is really back: a linkDown trap that arrives late is corrected by the poll.
    agent.set(IF_OPER_STATUS_2, snmp.ObjectType.Integer, 1);
    await v2cTrap('public', '1.3.6.1.6.3.1.1.5.4', '1.3.6.1.2.1.2.2.1.1.2', 'i', '2');
    await until(deviceAlarms, (open) => !open.includes('if_down@if:2'), 'the alarm to clear');
  });

  it('takes an SNMPv3 inform (authPriv) with the device credentials: coldStart becomes an alarm', async () => {
    await run(
      'snmpinform',
      [
        ...['-v', '3', '-u', snmpdV3User.name, '-l', 'authPriv', '-a', 'SHA', '-A', snmpdV3User.authKey],
        ...['-x', 'AES', '-X', snmpdV3User.privKey, '-r', '3', '-t', '1', `127.0.0.1:${trapPort}`, ''],
        '1.3.6.1.6.3.1.1.5.1',
      ],
      tools,
    );
    await until(deviceAlarms, (open) => open.includes('agent_restarted@agent'), 'the restart alarm');
  });

  it('logs an unknown trap with its varbinds, searchable, and one from an unknown source', async () => {
    await v2cTrap('public', '1.3.6.1.4.1.14988.1.99.1', '1.3.6.1.4.1.14988.1.99.2', 's', 'Falha na fonte 2');
    await run(
      'snmptrap',
      [
        '-v',
        '2c',
        '-c',
        'public',
        '--clientaddr=127.0.0.2',
        `127.0.0.1:${trapPort}`,
        '',
        '1.3.6.1.6.3.1.1.5.3',
      ],
      tools,
    );
    const found = await until(
      async () => service.log.search(TrapLogQuery.parse({ text: 'fonte 2' })),
      (result) => result.entries.length === 1,
      'the unknown trap in the log',
    );
    expect(found.entries[0]).toMatchObject({
      reason: 'unknown_trap',
      deviceId,
      trapOid: '1.3.6.1.4.1.14988.1.99.1',
      varbinds: [{ oid: '1.3.6.1.4.1.14988.1.99.2', value: 'Falha na fonte 2' }],
    });
    const stranger = await until(
      async () => service.log.search(TrapLogQuery.parse({ source: '127.0.0.2' })),
      (result) => result.entries.length === 1,
      'the unknown source in the log',
    );
    expect(stranger.entries[0]).toMatchObject({ reason: 'unknown_source', deviceId: null });
  });

  it('counts a wrong community, malformed PDUs and a flood beyond the rate, and keeps receiving', async () => {
    const before = await stats();
    await v2cTrap('wrong', '1.3.6.1.6.3.1.1.5.3', '1.3.6.1.2.1.2.2.1.1.1', 'i', '1');
    const socket = createSocket('udp4');
    for (const garbage of ['not BER at all', '\x30\x82\xff\xff', '\x30\x03\x02\x01']) {
      await new Promise((resolve) =>
        socket.send(Buffer.from(garbage, 'latin1'), trapPort, '127.0.0.1', resolve),
      );
    }
    socket.close();
    await until(
      stats,
      (now: TrapReceiverStats) =>
        now.badCommunity === before.badCommunity + 1 && now.malformed === before.malformed + 3,
      'the refusals counted',
    );
    // 30 traps at once from one source whose budget is 10 at once: the rest is dropped and counted.
    const flood = [];
    for (let i = 0; i < 30; i++)
      flood.push(v2cTrap('public', '1.3.6.1.4.1.9999.1', '1.3.6.1.4.1.9999.2', 'i', `${i}`));
    await Promise.all(flood);
    const after = await until(
      stats,
      (now: TrapReceiverStats) => now.rateLimited > before.rateLimited,
      'the flood to be limited',
    );
    expect(after.rateLimited - before.rateLimited).toBeGreaterThanOrEqual(10);
    expect(after.listening).toBe(true);
  });
});
