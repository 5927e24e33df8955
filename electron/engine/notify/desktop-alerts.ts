import type { Alarm } from '../../../shared/contract/entities';
import type { DesktopAlert, VigiaEvent } from '../../../shared/contract/events';
import type { NotifyLanguage } from '../../../shared/contract/notify';
import { formatDuration } from '../../../shared/domain/notify/template';

interface AlarmChange {
  alarm: Alarm;
  cleared: boolean;
}

const BURST_MS = 1_500;
const LOUD = new Set(['critical', 'major']);

const words = {
  'pt-BR': {
    alarm: 'alarme',
    recovered: 'normalizado',
    after: 'após',
    devices: 'equipamentos',
    many: 'eventos',
    more: 'e mais',
  },
  en: {
    alarm: 'alarm',
    recovered: 'recovered',
    after: 'after',
    devices: 'devices',
    many: 'events',
    more: 'and',
  },
} as const;

function line(change: AlarmChange, language: NotifyLanguage): string {
  const w = words[language];
  const { alarm } = change;
  if (change.cleared)
    return `✅ ${alarm.message} — ${w.recovered} ${w.after} ${formatDuration((alarm.clearedAt ?? alarm.raisedAt) - alarm.raisedAt)}`;
  return alarm.affected > 1 ? `${alarm.message} (${alarm.affected} ${w.devices})` : alarm.message;
}

/**
 * One notification for a burst: a tower losing power raises many alarms at once, and a wall of
 * toasts would hide the one that matters. A single event names its device and opens it on click.
 */
export function desktopAlert(changes: AlarmChange[], language: NotifyLanguage): DesktopAlert | null {
  const first = changes[0];
  if (!first) return null;
  const w = words[language];
  if (changes.length === 1)
    return {
      title: first.cleared ? `Vigia — ${w.recovered}` : `Vigia — ${w.alarm} ${first.alarm.severity}`,
      body: line(first, language),
      deviceId: first.alarm.deviceId,
    };
  const listed = changes.slice(0, 3).map((change) => `• ${line(change, language)}`);
  if (changes.length > 3)
    listed.push(
      language === 'en' ? `… ${w.more} ${changes.length - 3} more` : `… ${w.more} ${changes.length - 3}`,
    );
  return { title: `Vigia — ${changes.length} ${w.many}`, body: listed.join('\n'), deviceId: null };
}

export interface DesktopAlertsOptions {
  /** Read at the end of each burst, so a switch flipped mid-burst counts. */
  preferences(): Promise<{
    enabled: boolean;
    recoveries: boolean;
    paused: boolean;
    language: NotifyLanguage;
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
