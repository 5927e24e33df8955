import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alarm } from '../../../../../shared/contract/entities';
import type { DesktopAlert } from '../../../../../shared/contract/events';
import { createDesktopAlerts, desktopAlert } from '../../../../../electron/engine/notify/desktop-alerts';
import { deviceDownAlarm } from '../../../../helpers/alarms';

const alarm = (id: number, device: string, severity: Alarm['severity'] = 'critical', affected = 1): Alarm =>
  deviceDownAlarm(id, device, { severity, affected });

describe('desktop alerts', () => {
  afterEach(() => vi.useRealTimers());

  it('names the device for one alarm, and the outage length for a recovery', () => {
    expect(
      desktopAlert([{ alarm: alarm(1, 'OLT Centro', 'critical', 120), cleared: false }], 'pt-BR'),
    ).toEqual({
      title: 'Vigia — alarme crítico',
      body: 'OLT Centro fora do ar: causa raiz, 120 dispositivos afetados',
      deviceId: 10,
    });
    const cleared = { ...alarm(2, 'radio 2'), clearedAt: 1_700_000_000_000 + 47 * 60_000 };
    expect(desktopAlert([{ alarm: cleared, cleared: true }], 'en')).toEqual({
      title: 'Vigia — recovered',
      body: '✅ radio 2 down — recovered after 47min',
      deviceId: 20,
    });
    expect(desktopAlert([], 'en')).toBeNull();
  });

  it('summarises a burst in one notification', () => {
    const burst = [1, 2, 3, 4, 5].map((id) => ({ alarm: alarm(id, `radio ${id}`), cleared: false }));
    expect(desktopAlert(burst, 'en')).toEqual({
      title: 'Vigia — 5 events',
      body: '• radio 1 down\n• radio 2 down\n• radio 3 down\n… and 2 more',
      deviceId: null,
    });
  });

  it('waits for the burst, keeps critical and major only, and respects do-not-disturb and the switches', async () => {
    vi.useFakeTimers();
    const shown: DesktopAlert[] = [];
    const preferences = { enabled: true, recoveries: false, paused: false, language: 'en' as const };
    const alerts = createDesktopAlerts({
      preferences: async () => preferences,
      publish: (alert) => shown.push(alert),
      log: () => undefined,
    });
    alerts.onEvent({ type: 'alarm.raised', alarm: alarm(1, 'TWR-01 router') });
    alerts.onEvent({ type: 'alarm.raised', alarm: alarm(2, 'radio 2', 'warning') });
    alerts.onEvent({ type: 'alarm.cleared', alarm: alarm(3, 'radio 3') });
    alerts.onEvent({ type: 'alarm.raised', alarm: alarm(4, 'radio 4', 'major') });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(shown.map((alert) => alert.title)).toEqual(['Vigia — 2 events']);

    preferences.paused = true;
    alerts.onEvent({ type: 'alarm.raised', alarm: alarm(5, 'radio 5') });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown).toHaveLength(1);

    preferences.paused = false;
    preferences.recoveries = true;
    alerts.onEvent({ type: 'alarm.cleared', alarm: alarm(6, 'radio 6') });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown.at(-1)?.title).toBe('Vigia — recovered');

    alerts.onEvent({ type: 'alarm.raised', alarm: alarm(7, 'radio 7') });
    alerts.stop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown).toHaveLength(2);
  });
});
