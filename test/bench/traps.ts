// npm run bench:traps — 10,000 SNMPv2c linkDown traps sent in 10 s from 1,000 sources (loopback
// addresses 127.0.x.y, one socket each) to the trap receiver in its own worker process; the engine
// side (trap service, SNMP monitor, alarm service, SQLite store) runs in this process. Reports
// how many arrived, the alarms stored, the p95 from a trap's sending to its alarm stored, and the
// receiver process's CPU seconds and peak RSS. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snmp from 'net-snmp';
import { trapsWorkerApi } from '../../shared/contract/traps-worker';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { workerTrapReceiver } from '../../electron/engine/collectors/traps-port';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { SnmpMonitor } from '../../electron/engine/snmp/snmp-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { TrapService } from '../../electron/engine/traps/trap-service';

const SOURCES = 1_000;
const TRAPS_PER_SOURCE = 10;
const SECONDS = 10;
const LINK_DOWN = '1.3.6.1.6.3.1.1.5.3';
const IF_INDEX = '1.3.6.1.2.1.2.2.1.1';

const sourceAddress = (i: number) => `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-traps-'));
  const port = 30_000 + (process.pid % 20_000);
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const ids: number[] = [];
  for (let i = 0; i < SOURCES; i++)
    ids.push((await repo.devices.create({ name: `CPE ${i}`, host: sourceAddress(i), kind: 'cpe' })).id);
  const bus = new EventBus();
  const alarms = await AlarmService.load({ repo, bus });
  const monitor = new SnmpMonitor({
    repo,
    inventory: await Inventory.load(repo),
    alarms,
    cipher: createFileKeyCipher(dir),
    transport: { poll: async () => [] },
  });
  const service = new TrapService({ alarms, links: monitor, isSuppressed: () => false });
  const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
  const receiver = workerTrapReceiver(
    supervisor.supervise({ name: 'traps', entry: resolveWorkerEntry('traps'), api: trapsWorkerApi }),
    (message) => console.error(message),
  );
  receiver.onNotices((notices) => void service.handle(notices));
  const configured = await receiver.configure({
    port,
    address: '127.0.0.1',
    ratePerSecond: 20,
    burst: 100,
    sources: ids.map((deviceId, i) => ({ deviceId, host: sourceAddress(i), community: 'public', v3: null })),
  });
  if (!configured.listening) throw new Error(`receiver not listening: ${configured.error}`);
  const baseline = await receiver.stats();

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  bus.subscribe((event) => {
    if (event.type !== 'alarm.raised') return;
    const sent = sentAt.get(`${event.alarm.deviceId}:${event.alarm.ref}`);
    if (sent !== undefined) latencies.push(Date.now() - sent);
  });

  const sessions = ids.map((_, i) =>
    snmp.createSession('127.0.0.1', 'public', {
      port,
      trapPort: port,
      version: snmp.Version2c,
      sourceAddress: sourceAddress(i),
    }),
  );
  for (const session of sessions) session.on('error', () => undefined);
  // Each source sends one trap a second, the sources spread evenly over each second.
  const started = Date.now();
  const total = SOURCES * TRAPS_PER_SOURCE;
  await new Promise<void>((resolve) => {
    let sent = 0;
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / (SECONDS * 1000)) * total) + 1);
      for (; sent < due; sent++) {
        const source = sent % SOURCES;
        const ifIndex = Math.floor(sent / SOURCES) + 1;
        sentAt.set(`${ids[source]}:if:${ifIndex}`, Date.now());
        sessions[source]!.trap(
          LINK_DOWN,
          [{ oid: `${IF_INDEX}.${ifIndex}`, type: snmp.ObjectType.Integer, value: ifIndex }],
          () => undefined,
        );
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  // Wait until every trap is accounted for (received by the receiver) and the alarms have settled.
  const deadline = Date.now() + 30_000;
  let stats = await receiver.stats();
  while (stats.received - baseline.received < total && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stats = await receiver.stats();
  }
  while (latencies.length < stats.accepted - baseline.accepted && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await alarms.idle();

  console.log(
    JSON.stringify({
      traps: total,
      received: stats.received - baseline.received,
      accepted: stats.accepted - baseline.accepted,
      rate_limited: stats.rateLimited - baseline.rateLimited,
      alarms: latencies.length,
      p95_ms: percentile(latencies, 95),
      p50_ms: percentile(latencies, 50),
      send_s: Math.round((Date.now() - started) / 100) / 10,
      cpu_s: Math.round((stats.cpuS - baseline.cpuS) * 100) / 100,
      rss_mb: Math.round(stats.rssMb),
    }),
  );
  for (const session of sessions) session.close();
  await supervisor.stopAll();
  await monitor.stop();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
