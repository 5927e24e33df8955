// One Vigia instance in its own process on a shared PostgreSQL, for the cluster tests and
// bench:cluster: the whole engine (startEngine, as the headless server runs it) with a network
// the test scripts through a file (the ids of the devices that do not answer), so a kill -9, a
// SIGSTOP or a cut database connection hits a real process. It prints one JSON line when ready.
import { readFileSync } from 'node:fs';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startEngine } from '../../electron/engine/start-engine';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import type { PingOptions, PingTarget, PingTransport } from '../../shared/contract/pinger';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { FAKE_TOKEN, everyAlertChat } from './fake-telegram';
import { ScriptedTransport } from './scripted-transport';

export interface ClusterChildOptions {
  dataDir: string;
  url: string;
  /** One key for every instance: the secrets in the shared store are sealed for the site. */
  keyDir: string;
  /** JSON array of the device ids that do not answer, re-read at every cycle. */
  downFile: string;
  /** The first instance saves the settings every instance then reads from the store. */
  setup: { apiRoot: string; chatId: string; cycleS: number } | null;
}

const options = JSON.parse(process.env.VIGIA_CLUSTER_CHILD ?? '{}') as ClusterChildOptions;

function down(): number[] {
  try {
    return JSON.parse(readFileSync(options.downFile, 'utf8')) as number[];
  } catch {
    return [];
  }
}

const network: PingTransport = {
  mode: async () => ({ mode: 'simulated', note: null }),
  run: (targets: PingTarget[], ping: PingOptions) => {
    const scripted = new ScriptedTransport();
    scripted.setDown(down());
    return scripted.run(targets, ping);
  },
};

async function main(): Promise<void> {
  const engine = await startEngine({
    dataDir: options.dataDir,
    store: { dialect: 'postgres', url: options.url },
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '0.0.0-test',
    cipher: createFileKeyCipher(options.keyDir),
    pingTransport: network,
    allowLoopbackDestinations: true,
    log: (line) => process.stderr.write(`${line}\n`),
  });

  if (options.setup) {
    const { apiRoot, chatId, cycleS } = options.setup;
    // Every interval one cycle long, each change judged in one cycle: a short, steady cadence.
    await engine.call('settings.monitor.set', {
      value: {
        criticalS: cycleS,
        unstableS: cycleS,
        stableS: cycleS,
        probes: 1,
        timeoutMs: 500,
        downAfter: 1,
        upAfter: 1,
        recheck: false,
        massOutagePct: 100,
        massOutageMinDevices: 100_000,
        massOutageEndPct: 99,
      },
    });
    await engine.call('notify.config.set', {
      config: {
        ...defaultNotifyConfig,
        groupWindowS: 1,
        telegram: {
          enabled: true,
          apiRoot,
          perChatPerMinute: 20,
          chats: [everyAlertChat(chatId)],
        },
      },
      telegramToken: FAKE_TOKEN,
      webhookSecrets: {},
    });
  }

  // Each ICMP cycle this instance finishes, for the harness's takeover timelines.
  let lastCycleAt: number | null = null;
  engine.subscribe((event) => {
    if (event.type !== 'engine.health' || event.health.lastCycleAt === lastCycleAt) return;
    lastCycleAt = event.health.lastCycleAt;
    process.stdout.write(`${JSON.stringify({ cycle: { at: lastCycleAt, ms: event.health.lastCycleMs } })}\n`);
  });

  const status = await engine.call('cluster.status', undefined);
  process.stdout.write(
    `${JSON.stringify({ ready: true, instanceId: status.self.instanceId, pid: process.pid })}\n`,
  );

  process.on('SIGTERM', () => {
    void engine.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
