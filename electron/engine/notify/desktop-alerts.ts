import type { Alarm } from '../../../shared/contract/entities';
import type { DesktopAlert, VigiaEvent } from '../../../shared/contract/events';
import { renderAlarm } from '../../../shared/domain/alarms/render';
import { translate, type Language } from '../../../shared/i18n';
import { formatDuration } from '../../../shared/domain/notify/template';

interface AlarmChange {
  alarm: Alarm;
  cleared: boolean;
}

const BURST_MS = 1_500;
const LOUD = new Set(['critical', 'major']);

function line(change: AlarmChange, language: Language): string {
  const { alarm } = change;
  const text = renderAlarm(language, alarm);
  if (change.cleared)
    return translate(language, 'desktop.recoveredLine', {
      alarm: text,
      duration: formatDuration((alarm.clearedAt ?? alarm.raisedAt) - alarm.raisedAt),
    });
  return text;
}

/**
 * One notification for a burst: a tower losing power raises many alarms at once, and a wall of
 * toasts would hide the one that matters. A single event names its device and opens it on click.
 */
export function desktopAlert(changes: AlarmChange[], language: Language): DesktopAlert | null {
  const first = changes[0];
  if (!first) return null;
  if (changes.length === 1)
    return {
      title: first.cleared
        ? translate(language, 'desktop.recoveredTitle')
        : translate(language, 'desktop.alarmTitle', {
            severity: translate(language, `alarm.severity.${first.alarm.severity}`),
          }),
      body: line(first, language),
      deviceId: first.alarm.deviceId,
    };
  const listed = changes.slice(0, 3).map((change) => `• ${line(change, language)}`);
  if (changes.length > 3) listed.push(translate(language, 'desktop.more', { count: changes.length - 3 }));
  return {
    title: translate(language, 'desktop.burstTitle', { count: changes.length }),
    body: listed.join('\n'),
    deviceId: null,
  };
}

export interface DesktopAlertsOptions {
  /** Read at the end of each burst, so a switch flipped mid-burst counts. */
  preferences(): Promise<{
    enabled: boolean;
    recoveries: boolean;
    paused: boolean;
    language: Language;
  }>;
  publish(alert: DesktopAlert): void;
  log(message: string): void;
}

/**
 * New critical and major alarms, and their recoveries, as native notifications on this
 * workstation; the desktop host shows them, the "do not disturb" switch silences them.
 */
export function createDesktopAlerts(options: DesktopAlertsOptions): {
  onEvent(event: VigiaEvent): void;
  stop(): void;
} {
  let pending: AlarmChange[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    timer = null;
    const changes = pending;
    pending = [];
    const preferences = await options.preferences();
    if (!preferences.enabled || preferences.paused) return;
    const shown = changes.filter((change) => !change.cleared || preferences.recoveries);
    const alert = desktopAlert(shown, preferences.language);
    if (alert) options.publish(alert);
  };
  return {
    onEvent(event) {
      if (event.type !== 'alarm.raised' && event.type !== 'alarm.cleared') return;
      if (!LOUD.has(event.alarm.severity)) return;
      pending.push({ alarm: event.alarm, cleared: event.type === 'alarm.cleared' });
      timer ??= setTimeout(
        () =>
          void flush().catch((error: unknown) =>
            options.log(`notify: desktop alert failed: ${(error as Error).message}`),
          ),
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
