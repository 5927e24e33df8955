import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../../../shared/domain/notify/defaults';
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
