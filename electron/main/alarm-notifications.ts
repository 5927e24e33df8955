import type { Alarm } from '../../shared/contract/entities';
import type { VigiaEvent } from '../../shared/contract/events';
import type { Language } from './tray-model';

export interface DesktopNotification {
  title: string;
  body: string;
  /** The device to open when the notification is clicked, when there is exactly one. */
  deviceId: number | null;
}

const BURST_MS = 1_500;

/**
 * One notification for a burst of new alarms: a tower losing power raises many at once, and a
 * wall of toasts would hide the one that matters. A single alarm names its device.
 */
export function alarmNotification(alarms: Alarm[], language: Language): DesktopNotification | null {
  const first = alarms[0];
  if (!first) return null;
  const en = language === 'en';
  if (alarms.length === 1) {
    return {
      title: `Vigia — ${en ? 'alarm' : 'alarme'} ${first.severity}`,
      body:
        first.affected > 1
          ? `${first.message} (${first.affected} ${en ? 'devices' : 'equipamentos'})`
          : first.message,
      deviceId: first.deviceId,
    };
  }
  const listed = alarms.slice(0, 3).map((alarm) => `• ${alarm.message}`);
  if (alarms.length > 3)
    listed.push(en ? `… and ${alarms.length - 3} more` : `… e mais ${alarms.length - 3}`);
  return {
    title: `Vigia — ${alarms.length} ${en ? 'new alarms' : 'novos alarmes'}`,
    body: listed.join('\n'),
    deviceId: null,
  };
}

/**
 * Collects raised alarms (informational ones aside) for a moment and shows them as one
 * notification, unless the operator paused notifications.
 */
export function createAlarmNotifier(options: {
  preferences: () => Promise<{ language: Language; notificationsPaused: boolean }>;
  show: (notification: DesktopNotification) => void;
}): { onEvent(event: VigiaEvent): void; stop(): void } {
  let pending: Alarm[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    timer = null;
    const alarms = pending;
    pending = [];
    const { language, notificationsPaused } = await options.preferences();
    if (notificationsPaused) return;
    const notification = alarmNotification(alarms, language);
    if (notification) options.show(notification);
  };
  return {
    onEvent(event) {
      if (event.type !== 'alarm.raised' || event.alarm.severity === 'info') return;
      pending.push(event.alarm);
      timer ??= setTimeout(
        () => void flush().catch((error: unknown) => console.error('notification failed', error)),
        BURST_MS,
      );
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
