import { testCaller } from '../helpers/callers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../shared/contract/events';
import type { PingOptions, PingResult, PingTarget } from '../../shared/contract/pinger';
import type { SnmpOptions } from '../../shared/contract/snmp';
import { defaultSettings, settingsKey } from '../../shared/contract/settings';
import {
  SNMP_THRESHOLDS_KEY,
  thresholdsForDevice,
  type SnmpThresholdOverrides,
} from '../../shared/domain/snmp/thresholds';
import { AlarmRetention } from '../../electron/engine/alarms/alarm-retention';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { ApiFailure } from '../../shared/contract/api-failure';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { applySettingsLive, icmpConfig, snmpOptionsFrom } from '../../electron/engine/settings/apply-live';
import { SettingsService } from '../../electron/engine/settings/settings-service';
import { snmpLimitsHandlers } from '../../electron/engine/settings/snmp-limits';
import { SnmpMonitor } from '../../electron/engine/snmp/snmp-monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { clearStoredAlarm, storeAlarm } from '../helpers/alarms';
import { ScriptedTransport } from '../helpers/scripted-transport';

/** Records when each probe round started and with which options. */
class TimedTransport extends ScriptedTransport {
  readonly runs: { at: number; options: PingOptions }[] = [];
  override async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    this.runs.push({ at: Date.now(), options });
    return super.run(targets, options);
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'vigia-settings-'));
let postgres: TestPostgres | null = null;

const dialects = [
  { name: 'sqlite', open: () => openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') }) },
  {
    name: 'postgres',
    open: async () => {
      postgres = await startTestPostgres();
      return openStore({ dialect: 'postgres', url: postgres.url });
    },
  },
] as const;

afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(dialects)('settings service on $name', ({ open }) => {
  let repo: Repository;
  const bus = new EventBus();
  const events: VigiaEvent[] = [];
  bus.subscribe((event) => events.push(event));

  beforeAll(async () => {
    repo = await open();
  });
  afterAll(async () => {
    await repo.close();
  });

  const service = () => SettingsService.open({ repo, bus, defaultOperator: 'noc01' });

  it('moves the old free-form keys into their groups once, and drops them', async () => {
    await repo.settings.set('monitor.config', {
      interval: { criticalMs: 10_000, unstableMs: 20_000, stableMs: 45_000 },
      ping: { count: 4 },
      retention: { samplesMs: 10 * 86_400_000 },
    });
    await repo.settings.set('ui.language', 'en');
    await repo.settings.set('map.tileUrl', 'https://tiles.lan/{z}/{x}/{y}.png');
    await repo.settings.set('notify.paused', true);

    const settings = await service();
    expect(settings.group('monitor')).toMatchObject({ criticalS: 10, unstableS: 20, stableS: 45, probes: 4 });
    expect(settings.group('retention')).toMatchObject({ samplesDays: 10, rollupsDays: 365 });
    expect(settings.all().ui).toEqual({ language: 'en', operator: 'noc01', theme: 'dark' });
    expect(settings.group('map').tileUrl).toBe('https://tiles.lan/{z}/{x}/{y}.png');
    expect(settings.group('notifications')).toEqual({ paused: true });
    const stored = await repo.settings.all();
    expect(Object.keys(stored).filter((key) => !key.startsWith('settings.'))).toEqual([]);
    expect(stored[settingsKey('monitor')]).toEqual(settings.group('monitor'));
  });

  it('reads a broken stored group field by field, never failing', async () => {
    await repo.settings.set(settingsKey('monitor'), {
      criticalS: 'fast',
      unstableS: 90,
      stableS: 60,
      probes: 4,
      bogus: true,
    });
    await repo.settings.set(settingsKey('map'), 'not an object');
    const settings = await service();
    // criticalS was no number; unstableS broke "unstable ≤ stable": both back to their defaults.
    expect(settings.group('monitor')).toEqual({
      ...defaultSettings().monitor,
      stableS: 60,
      probes: 4,
    });
    expect(settings.group('map')).toEqual(defaultSettings().map);
  });

  it('rejects an invalid value with the field and the rule, in the stored language, and keeps the stored one', async () => {
    const settings = await service();
    const before = await repo.settings.get(settingsKey('monitor'));
    const error = await settings
      .set('monitor', { criticalS: 40, unstableS: 30 }, 'Ana')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).error).toEqual({
      code: 'invalid_input',
      message:
        'Invalid settings: Critical interval (s): cannot be longer than the unstable interval (30 s); critical is the shortest.',
      issues: [
        {
          path: 'criticalS',
          message:
            'Critical interval (s): cannot be longer than the unstable interval (30 s); critical is the shortest.',
        },
      ],
    });
    expect(await repo.settings.get(settingsKey('monitor'))).toEqual(before);

    await settings.set('ui', { language: 'pt-BR' }, 'Ana');
    const pt = await settings.set('retention', { samplesDays: 0 }, 'Ana').catch((e: unknown) => e);
    expect((pt as ApiFailure).error.issues).toEqual([
      { path: 'samplesDays', message: 'Amostras de ping (dias): deve ser no mínimo 1.' },
    ]);
    expect(settings.group('retention').samplesDays).toBe(10);
    const notAnObject = await settings.set('map', 'zoom 3' as never, 'Ana').catch((e: unknown) => e);
    expect((notAnObject as ApiFailure).error.issues).toEqual([
      { path: '', message: 'Envie os campos a alterar como um objeto.' },
    ]);
  });

  it('saves a valid patch whole, audits it and publishes it', async () => {
    const settings = await service();
    const seen: unknown[] = [];
    const stop = settings.onChange('snmp', (value) => seen.push(value));
    events.length = 0;
    const saved = await settings.set('snmp', { timeoutMs: 3_000, retries: 2 }, 'Ana');
    stop();
    expect(saved).toEqual({ ...defaultSettings().snmp, timeoutMs: 3_000, retries: 2 });
    expect(seen).toEqual([saved]);
    expect(events).toEqual([{ type: 'settings.changed', group: 'snmp', value: saved }]);
    expect(await repo.settings.get(settingsKey('snmp'))).toEqual(saved);
    expect((await repo.audit.list(1))[0]).toMatchObject({
      actor: 'Ana',
      action: 'settings.snmp.set',
      target: 'settings.snmp',
    });
    expect((await service()).group('snmp')).toEqual(saved);
  });

  it('takes up what another workstation saved in the same store', async () => {
    const here = await service();
    const there = await service();
    const seen: unknown[] = [];
    here.onChange('map', (value) => seen.push(value));
    const saved = await there.set('map', { zoom: 8 }, 'Bia');
    events.length = 0;
    await here.refresh();
    expect(here.group('map')).toEqual(saved);
    expect(seen).toEqual([saved]);
    expect(events).toEqual([{ type: 'settings.changed', group: 'map', value: saved }]);
    await here.refresh();
    expect(seen).toHaveLength(1);
  });

  it('keeps a tower’s SNMP alarm levels where the SNMP monitor reads them, audited', async () => {
    const limits = snmpLimitsHandlers(repo, Date.now);
    expect(await limits['snmp.limits.get']({ scope: 'towers', id: 7 }, testCaller)).toEqual({
      utilizationPct: 90,
      signalDbm: -75,
    });
    await limits['snmp.limits.set'](
      {
        scope: 'towers',
        id: 7,
        limits: { utilizationPct: 70, signalDbm: -68 },
      },
      testCaller,
    );
    expect(await limits['snmp.limits.get']({ scope: 'towers', id: 7 }, testCaller)).toEqual({
      utilizationPct: 70,
      signalDbm: -68,
    });
    const rules = thresholdsForDevice(
      (await repo.settings.get(SNMP_THRESHOLDS_KEY)) as SnmpThresholdOverrides,
      99,
      7,
    );
    expect(rules.utilizationPct).toMatchObject({ raiseAt: 70, clearAt: 60 });
    expect(rules.signalDbm).toMatchObject({ raiseAt: -68, clearAt: -65 });
    expect((await repo.audit.list(1))[0]).toMatchObject({
      actor: testCaller.name,
      action: 'snmp.limits.set',
      target: 'towers:7',
    });
  });

  it('polls the next SNMP round with the new options, and the next retention pass keeps the new days', async () => {
    const settings = await service();
    const cipher = createFileKeyCipher(dir);
    const [device] = await repo.devices.createMany([{ name: 'ap', host: '127.0.0.1', kind: 'sector_ap' }]);
    await repo.snmp.setConfig({
      deviceId: device!.id,
      enabled: true,
      port: 161,
      version: '2c',
      user: null,
      sealedCredentials: await cipher.encrypt(JSON.stringify({ version: '2c', community: 'public' })),
      intervalS: 60,
    });
    let now = Date.now();
    const polled: SnmpOptions[] = [];
    const alarms = await AlarmService.load({ repo, bus });
    const inventory = await Inventory.load(repo);
    const snmp = new SnmpMonitor({
      repo,
      alarms,
      inventory,
      cipher,
      clock: () => now,
      options: snmpOptionsFrom(settings.group('snmp')),
      transport: { poll: async (_targets, options) => (polled.push(options), []) },
    });
    const monitor = new Monitor({
      repo,
      transport: new ScriptedTransport(),
      bus,
      alarms,
      inventory,
      config: icmpConfig(settings),
    });
    const stop = applySettingsLive(settings, { icmp: monitor, snmp }, (error) => {
      throw error;
    });
    try {
      await snmp.reload();
      await snmp.tick();
      await settings.set('snmp', { timeoutMs: 4_000, retries: 0, concurrency: 10 }, 'Ana');
      now += 60_000;
      await snmp.tick();
      expect(
        polled.map(({ timeoutMs, retries, concurrency }) => ({ timeoutMs, retries, concurrency })),
      ).toEqual([
        { timeoutMs: 3_000, retries: 2, concurrency: 100 },
        { timeoutMs: 4_000, retries: 0, concurrency: 10 },
      ]);

      const day = 86_400_000;
      const sample = (at: number) => ({
        deviceId: device!.id,
        at,
        rttMs: 5,
        minMs: 5,
        maxMs: 5,
        jitterMs: 0,
        lossPct: 0,
        state: 'up' as const,
      });
      await repo.ping.insertSamples([sample(Date.now() - 5 * day), sample(Date.now() - day)]);
      for (const [ago, type] of [
        [20, 'old'],
        [5, 'recent'],
      ] as const) {
        const at = Date.now() - ago * day;
        const raised = await storeAlarm(repo, { deviceId: device!.id, type, raisedAt: at });
        await clearStoredAlarm(repo, raised.id, at);
      }
      const alarmRetention = new AlarmRetention({
        repo,
        days: () => settings.group('retention').clearedAlarmsDays,
        onError: (error) => {
          throw error;
        },
      });
      expect(await monitor.runRetention()).toMatchObject({ samples: 0, rollups: 0 });
      expect(await alarmRetention.run()).toBe(0);
      await settings.set('retention', { samplesDays: 3, clearedAlarmsDays: 10 }, 'Ana');
      await monitor.reload(); // queued behind the adoption of the new config
      expect(await monitor.runRetention()).toMatchObject({ samples: 1, rollups: 0 });
      expect(await alarmRetention.run()).toBe(1);
      expect(
        (await repo.alarms.list({ states: ['cleared'], deviceId: device!.id, limit: 10 })).map((a) => a.type),
      ).toEqual(['recent']);
    } finally {
      stop();
      await snmp.stop();
      await monitor.stop();
      await repo.devices.delete(device!.id);
    }
  });

  it('gives the ICMP monitor a new interval and probe count at its next cycle, without a restart', async () => {
    await repo.settings.set(settingsKey('monitor'), defaultSettings().monitor);
    const settings = await service();
    const [device] = await repo.devices.createMany([{ name: 'cpe', host: '127.0.0.1', kind: 'cpe' }]);
    const transport = new TimedTransport();
    const alarms = await AlarmService.load({ repo, bus });
    const inventory = await Inventory.load(repo);
    const monitor = new Monitor({ repo, transport, bus, alarms, inventory, config: icmpConfig(settings) });
    const snmp = new SnmpMonitor({
      repo,
      alarms,
      inventory,
      cipher: createFileKeyCipher(dir),
      transport: { poll: async () => [] },
    });
    const stop = applySettingsLive(settings, { icmp: monitor, snmp }, (error) => {
      throw error;
    });
    try {
      monitor.start();
      // Readiness waits, generous for a loaded machine; the timing that matters is the gap below.
      await until(() => transport.runs.length === 1, 20_000);
      expect(monitor.health().intervalMs).toBe(30_000);
      expect(transport.runs[0]!.options.count).toBe(3);

      await settings.set('monitor', { criticalS: 5, unstableS: 5, stableS: 5, probes: 2 }, 'Ana');
      await until(() => monitor.health().intervalMs === 5_000, 20_000);
      await until(() => transport.runs.length === 2, 25_000);
      const gap = transport.runs[1]!.at - transport.runs[0]!.at;
      // The new 5 s interval, not the old 30 s: never early, and late only by what a loaded
      // machine adds to a timer and a cycle.
      expect(gap).toBeGreaterThanOrEqual(4_900);
      expect(gap).toBeLessThan(15_000);
      expect(transport.runs[1]!.options.count).toBe(2);
      expect(transport.calls[1]!.map((target) => target.id)).toEqual([device!.id]);
    } finally {
      stop();
      await monitor.stop();
      await repo.devices.delete(device!.id);
    }
  });
});
