import { describe, expect, it } from 'vitest';
import type { Device, Tower } from '../../../../../shared/contract/entities';
import { sampleEvent } from '../../../../../shared/domain/notify/template';
import {
  parseDuration,
  parseMaintArgs,
  resolveTarget,
} from '../../../../../electron/engine/notify/telegram-commands';
import { alarmButtons, scrubToken } from '../../../../../electron/engine/notify/telegram-channel';

const now = Date.UTC(2026, 10, 29, 15, 0);

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
