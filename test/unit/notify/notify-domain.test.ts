import { describe, expect, it } from 'vitest';
import type { Device, Tower } from '../../../shared/contract/entities';
import { backoffMs, CircuitBreaker, TokenBucket } from '../../../shared/domain/notify/delivery-policy';
import { defaultNotifyConfig, defaultTemplates } from '../../../shared/domain/notify/defaults';
import { idempotencyKey } from '../../../shared/domain/notify/event';
import { routeEvent } from '../../../shared/domain/notify/routing';
import {
  composeMessages,
  MAX_MESSAGE_CHARS,
  renderEventLine,
  sampleEvent,
} from '../../../shared/domain/notify/template';
import {
  parseDuration,
  parseMaintArgs,
  resolveTarget,
} from '../../../electron/engine/notify/telegram-commands';
import { alarmButtons, scrubToken } from '../../../electron/engine/notify/telegram-channel';

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

describe('routing', () => {
  const chat = {
    chatId: '-100',
    name: 'NOC',
    language: 'pt-BR' as const,
    severities: ['critical' as const],
    towerIds: [7],
    recoveries: false,
    commands: true,
  };
  const config = {
    ...defaultNotifyConfig,
    telegram: { ...defaultNotifyConfig.telegram, enabled: true, chats: [chat] },
  };

  it('goes by severity, tower and the recovery choice', () => {
    const event = { ...sampleEvent('raised', now), towerId: 7 };
    expect(routeEvent(config, event)).toEqual([
      { channel: 'telegram', destination: '-100', language: 'pt-BR' },
    ]);
    expect(routeEvent(config, { ...event, towerId: 8 })).toEqual([]);
    expect(routeEvent(config, { ...event, severity: 'minor' })).toEqual([]);
    expect(routeEvent(config, { ...event, kind: 'cleared' })).toEqual([]);
    expect(routeEvent({ ...config, telegram: { ...config.telegram, enabled: false } }, event)).toEqual([]);
    expect(idempotencyKey(event, 'telegram', '-100')).toBe('1234:raised:telegram:-100');
  });
});

describe('delivery policy', () => {
  it('backs off exponentially with jitter, up to a ceiling', () => {
    const rule = { baseMs: 1_000, maxMs: 60_000 };
    expect(backoffMs(0, rule, 0)).toBe(500);
    expect(backoffMs(3, rule, 0.999)).toBeLessThanOrEqual(8_000);
    expect(backoffMs(3, rule, 0)).toBe(4_000);
    expect(backoffMs(30, rule, 0.5)).toBeLessThanOrEqual(60_000);
  });

  it('paces a destination with a token bucket', () => {
    const bucket = new TokenBucket(3, 20 / 60_000, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.waitMs(0)).toBe(3_000);
    expect(bucket.waitMs(3_000)).toBe(0);
  });

  it('opens the breaker after repeated failures, lets one probe through later, and closes on success', () => {
    const breaker = new CircuitBreaker({ failures: 3, openMs: 10_000 });
    breaker.failed(0);
    breaker.failed(1);
    expect(breaker.state(1)).toBe('closed');
    breaker.failed(2);
    expect(breaker.state(3)).toBe('open');
    expect(breaker.retryInMs(3)).toBe(9_999);
    expect(breaker.state(10_002)).toBe('half-open');
    breaker.failed(10_002);
    expect(breaker.state(10_003)).toBe('open');
    breaker.succeeded();
    expect(breaker.state(10_004)).toBe('closed');
  });
});

describe('Telegram commands', () => {
  const devices = [
    { id: 1, name: 'AP Setor Norte', host: '10.0.0.1' },
    { id: 2, name: 'Alto Branco', host: '10.0.0.2' },
  ] as Device[];
  const towers = [{ id: 9, name: 'Alto Branco' }] as Tower[];

  it('reads durations and the maintenance arguments, names with spaces included', () => {
    expect(parseDuration('30m')).toBe(30);
    expect(parseDuration('4h')).toBe(240);
    expect(parseDuration('2d')).toBe(2_880);
    expect(parseDuration('ate-fim')).toBeNull();
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseMaintArgs('AP Setor Norte 1h troca de rádio')).toEqual({
      target: 'AP Setor Norte',
      minutes: 60,
      reason: 'troca de rádio',
    });
    expect(parseMaintArgs('AP Setor Norte')).toBeNull();
  });

  it('finds a device by name, address or id, and a tower by name or with the tower: prefix', () => {
    expect(resolveTarget('ap setor norte', devices, towers)?.scope).toEqual({ scope: 'device', id: 1 });
    expect(resolveTarget('10.0.0.1', devices, towers)?.scope).toEqual({ scope: 'device', id: 1 });
    expect(resolveTarget('#2', devices, towers)?.scope).toEqual({ scope: 'device', id: 2 });
    expect(resolveTarget('torre: Alto Branco', devices, towers)?.scope).toEqual({ scope: 'tower', id: 9 });
    expect(resolveTarget('Nowhere', devices, towers)).toBeNull();
  });

  it('puts buttons on a few raised alarms only, and never lets the token into a text', () => {
    const raised = sampleEvent('raised', now);
    expect(alarmButtons([raised], 'en')).toEqual([
      [
        { text: '✔ Acknowledge', callback_data: 'ack:1234' },
        { text: '🔧 Maintenance 1 h', callback_data: 'maint:1234' },
      ],
    ]);
    expect(alarmButtons([sampleEvent('cleared', now)], 'en')).toEqual([]);
    expect(alarmButtons(Array(5).fill(raised), 'en')).toEqual([]);
    expect(scrubToken('POST /bot123:ABC/sendMessage failed', '123:ABC')).toBe(
      'POST /bot…/sendMessage failed',
    );
  });
});
