import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../../../shared/domain/notify/defaults';
import type { NotifyEvent } from '../../../../../shared/domain/notify/event';
import {
  composeMessages,
  MAX_MESSAGE_CHARS,
  renderEventLine,
  sampleEvent,
} from '../../../../../shared/domain/notify/template';

const now = Date.UTC(2026, 10, 29, 15, 0);

describe('message templates', () => {
  it('fills every placeholder and leaves unknown ones visible', () => {
    const raised = renderEventLine(defaultTemplates['pt-BR'], sampleEvent('raised', now), 'pt-BR', 'UTC');
    expect(raised).toBe(
      '🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · fora do ar desde 29/11/2026, 14:13 · afetados: 37',
    );
    const cleared = renderEventLine(defaultTemplates.en, sampleEvent('cleared', now), 'en', 'UTC');
    expect(cleared).toBe('✅ #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · back after 47min');
    expect(
      renderEventLine({ raised: '{device} {devise}', cleared: 'x' }, sampleEvent('raised', now), 'en'),
    ).toBe('AP Setor Norte {devise}');
  });

  it('leaves out the facts that do not apply to the alarm', () => {
    const tower = {
      ...sampleEvent('raised', now),
      type: 'tower_down',
      device: null,
      address: null,
      deviceId: null,
      tower: 'Torre Alfa',
      affected: 1,
    };
    expect(renderEventLine(defaultTemplates['pt-BR'], tower, 'pt-BR', 'UTC')).toBe(
      '🔴 #1234 Torre Alfa · torre fora desde 29/11/2026, 14:13',
    );
    // A device that is down does not show the last latency it answered with as if it were current.
    const down = { ...sampleEvent('raised', now), latencyMs: 0.4 };
    expect(renderEventLine(defaultTemplates.en, down, 'en', 'UTC')).not.toContain('0.4 ms');
    const slow = { ...sampleEvent('raised', now), type: 'latency_anomaly', latencyMs: 87.25, affected: 1 };
    expect(renderEventLine(defaultTemplates.en, slow, 'en', 'UTC')).toBe(
      '🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · latency anomaly since 29/11/2026, 14:13 · 87.3 ms',
    );
    // A configuration saved with an earlier version's default reads as today's default…
    const old = {
      raised:
        '{icon} #{id} {device} ({address}) · {tower} · {state} desde {since} · {latency} · afetados: {affected}',
      cleared: '✅ #{id} {device} ({address}) · {tower} · normalizado após {duration}',
    };
    expect(renderEventLine(old, tower, 'pt-BR', 'UTC')).toBe(
      '🔴 #1234 Torre Alfa · torre fora desde 29/11/2026, 14:13',
    );
    // …while an operator's own template keeps its words, a fact that does not apply as a dash.
    expect(renderEventLine({ raised: '{device} ({address})', cleared: 'x' }, tower, 'pt-BR')).toBe(
      'Torre Alfa (—)',
    );
  });

  it('groups events into one message and splits only at the length limit, listing every event', () => {
    const events = Array.from({ length: 200 }, (_, index) => ({
      ...sampleEvent('raised', now),
      alarmId: index + 1,
    }));
    const one = composeMessages(defaultTemplates.en, events.slice(0, 3), 'en', 'UTC');
    expect(one).toHaveLength(1);
    expect(one[0]!.text.split('\n')[0]).toBe('Vigia — 3 events');
    const many = composeMessages(defaultTemplates.en, events, 'en', 'UTC');
    expect(many.length).toBeGreaterThan(1);
    expect(many.every((chunk) => chunk.text.length <= MAX_MESSAGE_CHARS + 40)).toBe(true);
    expect(many.flatMap((chunk) => chunk.events)).toEqual(events.map((_, index) => index));
    expect(many[1]!.text).toMatch(/^Vigia — 200 events \(2\/\d+\)/);
  });
});

/** One event per alarm kind, as the notifier builds it: a device's last latency travels with every kind. */
const base: NotifyEvent = { ...sampleEvent('raised', now), affected: 1, latencyMs: 0.4 };
const towerEvent: NotifyEvent = { ...base, deviceId: null, device: null, address: null, tower: 'Torre Alfa' };
const kinds: Record<string, NotifyEvent> = {
  tower_down: { ...towerEvent, type: 'tower_down', params: { tower: 'Torre Alfa' }, affected: 14 },
  sector_problem: { ...towerEvent, type: 'sector_problem', params: { tower: 'Torre Alfa' }, affected: 3 },
  device_down: { ...base, type: 'device_down' },
  root_cause: { ...base, type: 'device_down', affected: 9 },
  no_tower: { ...base, type: 'device_down', towerId: null, tower: null },
  degraded: { ...base, type: 'degraded', latencyMs: 312.46 },
  flapping: { ...base, type: 'flapping', latencyMs: 3 },
  if_utilization: {
    ...base,
    source: 'snmp',
    type: 'if_utilization',
    severity: 'major',
    params: { device: 'AP Setor Norte', interface: 'sfp1', value: 95.3, limit: 80 },
  },
  signal_low: {
    ...base,
    source: 'snmp',
    type: 'signal_low',
    severity: 'minor',
    params: { device: 'AP Setor Norte', value: -82, limit: -75 },
  },
  mass_outage: {
    ...towerEvent,
    source: 'monitor',
    type: 'mass-outage',
    towerId: null,
    tower: null,
    params: { count: 812, share: 64 },
    affected: 812,
  },
};

describe('notification lines per alarm kind, the default templates', () => {
  const since = { 'pt-BR': 'desde 29/11/2026, 14:13', en: 'since 29/11/2026, 14:13' };
  const expected: Record<'pt-BR' | 'en', Record<string, string>> = {
    'pt-BR': {
      tower_down: `🔴 #1234 Torre Alfa · torre fora ${since['pt-BR']} · afetados: 14`,
      sector_problem: `🔴 #1234 Torre Alfa · problema no setor ${since['pt-BR']} · afetados: 3`,
      device_down: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · fora do ar ${since['pt-BR']}`,
      root_cause: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · fora do ar ${since['pt-BR']} · afetados: 9`,
      no_tower: `🔴 #1234 AP Setor Norte (10.20.30.40) · fora do ar ${since['pt-BR']}`,
      degraded: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · degradado ${since['pt-BR']} · 312,5 ms`,
      flapping: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · instável ${since['pt-BR']} · 3 ms`,
      if_utilization: `🟠 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · sfp1: utilização de 95,3%, acima de 80% ${since['pt-BR']}`,
      signal_low: `🟡 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · Rádio: sinal de -82 dBm, abaixo de -75 dBm ${since['pt-BR']}`,
      mass_outage: `🔴 #1234 · Queda em massa — o problema é nosso? 812 dispositivos (64% dos monitorados) pararam de responder juntos, sem uma torre ou um pai em comum ${since['pt-BR']} · afetados: 812`,
    },
    en: {
      tower_down: `🔴 #1234 Torre Alfa · tower down ${since.en} · affected: 14`,
      sector_problem: `🔴 #1234 Torre Alfa · sector problem ${since.en} · affected: 3`,
      device_down: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · down ${since.en}`,
      root_cause: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · down ${since.en} · affected: 9`,
      no_tower: `🔴 #1234 AP Setor Norte (10.20.30.40) · down ${since.en}`,
      degraded: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · degraded ${since.en} · 312.5 ms`,
      flapping: `🔴 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · flapping ${since.en} · 3 ms`,
      if_utilization: `🟠 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · sfp1: utilisation 95.3%, above 80% ${since.en}`,
      signal_low: `🟡 #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · Radio: signal -82 dBm, below -75 dBm ${since.en}`,
      mass_outage: `🔴 #1234 · Mass outage — is it us? 812 devices (64% of those monitored) stopped answering together, with no common tower or parent ${since.en} · affected: 812`,
    },
  };
  const recovered: Record<'pt-BR' | 'en', Record<string, string>> = {
    'pt-BR': {
      tower: '✅ #1234 Torre Alfa · normalizado após 47min',
      device: '✅ #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · normalizado após 47min',
      noTower: '✅ #1234 AP Setor Norte (10.20.30.40) · normalizado após 47min',
    },
    en: {
      tower: '✅ #1234 Torre Alfa · back after 47min',
      device: '✅ #1234 AP Setor Norte (10.20.30.40) · Torre Alto Branco · back after 47min',
      noTower: '✅ #1234 AP Setor Norte (10.20.30.40) · back after 47min',
    },
  };

  for (const language of ['pt-BR', 'en'] as const)
    for (const [kind, event] of Object.entries(kinds))
      it(`${kind} in ${language}: only the facts that apply, no stale latency, no empty field`, () => {
        const line = renderEventLine(defaultTemplates[language], event, language, 'UTC');
        expect(line).toBe(expected[language][kind]);
        // A field without a value would read as a dash (the alarm's own text may hold one).
        expect(line).not.toMatch(/\(—\)|· —( |$)/);
        expect(line).not.toContain('0.4 ms');
        expect(line).not.toContain('0,4 ms');
        const back = renderEventLine(
          defaultTemplates[language],
          { ...event, kind: 'cleared' },
          language,
          'UTC',
        );
        if (event.device === null && event.tower !== null) expect(back).toBe(recovered[language].tower);
        else if (kind === 'no_tower') expect(back).toBe(recovered[language].noTower);
        else if (event.device !== null) expect(back).toBe(recovered[language].device);
      });
});
