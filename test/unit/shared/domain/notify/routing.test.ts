import { describe, expect, it } from 'vitest';
import { defaultNotifyConfig } from '../../../../../shared/domain/notify/defaults';
import { idempotencyKey } from '../../../../../shared/domain/notify/event';
import { routeEvent } from '../../../../../shared/domain/notify/routing';
import { sampleEvent } from '../../../../../shared/domain/notify/template';

const now = Date.UTC(2026, 10, 29, 15, 0);

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
