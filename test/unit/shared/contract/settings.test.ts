import { describe, expect, it } from 'vitest';
import {
  AllSettings,
  defaultSettings,
  requiresRestart,
  settingsGroups,
  settingsSchemas,
} from '../../../../shared/contract/settings';
import { VigiaEvent as VigiaEventCheck } from '../../../../shared/contract/events';
import { checkSettings } from '../../../../shared/contract/settings-issues';

describe('settings groups', () => {
  it('default every field, with the values the monitors used before', () => {
    const settings = defaultSettings();
    expect(settings.monitor).toMatchObject({
      criticalS: 15,
      unstableS: 30,
      stableS: 60,
      probes: 3,
      timeoutMs: 1_000,
    });
    expect(settings.snmp).toEqual({
      intervalS: 60,
      port: 161,
      version: '2c',
      timeoutMs: 2_000,
      retries: 1,
      maxRepetitions: 20,
      concurrency: 100,
      trapPort: 162,
      trapRatePerSecond: 20,
    });
    expect(settings.retention).toEqual({
      samplesDays: 30,
      rollupsDays: 365,
      snmpRollupsDays: 365,
      clearedAlarmsDays: 365,
      historyDays: 1_095,
    });
    expect(settings.ui).toEqual({ language: 'pt-BR', operator: '', theme: 'dark' });
    expect(settings.map).toEqual({ tileUrl: '', centerLat: null, centerLng: null, zoom: 12 });
    expect(settings.notifications).toEqual({ paused: false });
    expect(AllSettings.parse(settings)).toEqual(settings);
  });

  it('mark only fields of their own group as needing a restart', () => {
    for (const group of settingsGroups)
      for (const field of requiresRestart[group] as readonly string[])
        expect(Object.keys(settingsSchemas[group].shape)).toContain(field);
    expect(requiresRestart.monitor).toEqual(['anomalyWindow']);
  });
});

describe('cross-field rules, named by field and rule in both languages', () => {
  it('critical ≤ unstable ≤ stable', () => {
    expect(checkSettings('monitor', { criticalS: 40, unstableS: 30, stableS: 20 }, 'pt-BR')).toEqual({
      ok: false,
      issues: [
        {
          path: 'criticalS',
          message:
            'Intervalo crítico (s): não pode ser maior que o intervalo instável (30 s); o crítico é o mais curto.',
        },
        {
          path: 'unstableS',
          message: 'Intervalo instável (s): não pode ser maior que o intervalo estável (20 s).',
        },
      ],
    });
    expect(checkSettings('monitor', { criticalS: 60, unstableS: 60, stableS: 60 }, 'en').ok).toBe(true);
  });

  it('a ping check (timeout × tries) must end before the critical interval', () => {
    expect(
      checkSettings('monitor', { criticalS: 5, unstableS: 5, timeoutMs: 2_500, retries: 1 }, 'en'),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'timeoutMs',
          message:
            'Ping timeout (ms): the timeout times (retries + 1) must stay below the critical interval (5 s).',
        },
      ],
    });
    expect(
      checkSettings('monitor', { criticalS: 5, unstableS: 5, timeoutMs: 2_400, retries: 1 }, 'en').ok,
    ).toBe(true);
  });

  it('a mass outage ends below the share that starts it, 50 % and 20 devices by default', () => {
    expect(defaultSettings().monitor).toMatchObject({
      massOutagePct: 50,
      massOutageMinDevices: 20,
      massOutageEndPct: 25,
    });
    expect(checkSettings('monitor', { massOutagePct: 40, massOutageEndPct: 40 }, 'pt-BR')).toEqual({
      ok: false,
      issues: [
        {
          path: 'massOutageEndPct',
          message:
            'Queda em massa: termina com até esta parcela ainda fora (%): deve ficar abaixo da parcela que inicia a queda em massa (40%).',
        },
      ],
    });
    expect(checkSettings('monitor', { massOutagePct: 40, massOutageEndPct: 50 }, 'en')).toEqual({
      ok: false,
      issues: [
        {
          path: 'massOutageEndPct',
          message:
            'Mass outage: ends with at most this share still down (%): must stay below the share that starts a mass outage (40%).',
        },
      ],
    });
    expect(checkSettings('monitor', { massOutagePct: 40, massOutageEndPct: 39 }, 'en').ok).toBe(true);
    expect(checkSettings('monitor', { massOutageMinDevices: 1 }, 'en')).toEqual({
      ok: false,
      issues: [
        { path: 'massOutageMinDevices', message: 'Mass outage: minimum devices: must be at least 2.' },
      ],
    });
  });

  it('an SNMP poll (timeout × tries) must end before the polling interval', () => {
    expect(checkSettings('snmp', { intervalS: 10, timeoutMs: 5_000, retries: 1 }, 'pt-BR')).toEqual({
      ok: false,
      issues: [
        {
          path: 'timeoutMs',
          message:
            'Tempo limite (ms): o tempo limite vezes (novas tentativas + 1) deve ficar abaixo do intervalo de coleta (10 s).',
        },
      ],
    });
  });

  it('raw samples are not kept longer than their rollups, and every retention has a range', () => {
    expect(checkSettings('retention', { samplesDays: 90, rollupsDays: 60 }, 'en')).toEqual({
      ok: false,
      issues: [
        {
          path: 'samplesDays',
          message: 'Ping samples (days): cannot exceed how long ping rollups are kept (60 days).',
        },
      ],
    });
    expect(checkSettings('retention', { samplesDays: 0, clearedAlarmsDays: 4_000 }, 'en')).toEqual({
      ok: false,
      issues: [
        { path: 'samplesDays', message: 'Ping samples (days): must be at least 1.' },
        { path: 'clearedAlarmsDays', message: 'Cleared alarms (days): must be at most 3650.' },
      ],
    });
  });

  it('a map centre is both coordinates or none, and tiles are an http(s) template', () => {
    expect(checkSettings('map', { tileUrl: 'ftp://tiles/{z}/{x}/{y}', centerLat: -7.2 }, 'en')).toEqual({
      ok: false,
      issues: [
        {
          path: 'tileUrl',
          message: 'Map tile URL: use an http(s) address with {z}, {x} and {y}, or leave it empty.',
        },
        {
          path: 'centerLng',
          message: 'Centre longitude: give latitude and longitude together, or leave both empty.',
        },
      ],
    });
    expect(
      checkSettings(
        'map',
        { tileUrl: 'https://tiles.lan/{z}/{x}/{y}.png', centerLat: -7.2, centerLng: -35.9 },
        'en',
      ),
    ).toMatchObject({ ok: true, value: { centerLat: -7.2, centerLng: -35.9, zoom: 12 } });
  });
});

describe('field rules', () => {
  it('say what the field must be', () => {
    const checked = checkSettings(
      'monitor',
      { probes: 1.5, recheck: 'yes', timeoutMs: 'fast', criticalS: 1 },
      'pt-BR',
    );
    expect(checked).toEqual({
      ok: false,
      issues: [
        { path: 'criticalS', message: 'Intervalo crítico (s): deve ser no mínimo 5.' },
        { path: 'probes', message: 'Pings por verificação: deve ser um número inteiro.' },
        { path: 'timeoutMs', message: 'Tempo limite do ping (ms): deve ser um número.' },
        { path: 'recheck', message: 'Reverificar na hora quem falhou: deve ser sim ou não.' },
      ],
    });
    expect(checkSettings('ui', { language: 'fr', operator: 'x'.repeat(81) }, 'en')).toEqual({
      ok: false,
      issues: [
        { path: 'language', message: 'Language: choose one of the options (pt-BR, en).' },
        { path: 'operator', message: 'Operator name: at most 80 characters.' },
      ],
    });
    expect(checkSettings('snmp', [], 'en')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'Send the fields to change as an object.' }],
    });
  });

  it('settings.changed is one of the engine events', () => {
    expect(
      VigiaEventCheck.parse({ type: 'settings.changed', group: 'notifications', value: { paused: true } }),
    ).toEqual({ type: 'settings.changed', group: 'notifications', value: { paused: true } });
    expect(
      VigiaEventCheck.safeParse({ type: 'settings.changed', group: 'ui', value: { language: 'fr' } }).success,
    ).toBe(false);
  });
});
