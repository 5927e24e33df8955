import type { DesktopAlert } from '../../shared/contract/events';

/** node-notifier's `notify` as used here (Windows: SnoreToast toasts under the app's id). */
export type NodeNotify = (
  options: { title: string; message: string; appID: string; icon: string; wait: boolean; sound: boolean },
  callback: (error: Error | null, response: string) => void,
) => void;

export interface DesktopNotificationDeps {
  notify: NodeNotify;
  appId: string;
  /** A file on disk: the native helper reads it itself. */
  iconPath(): string;
  openDevice(deviceId: number): void;
  openWindow(): void;
  /** When the native helper is missing or fails (e.g. no notify-send on a Linux desktop). */
  fallback(alert: DesktopAlert): void;
  log(message: string): void;
}

/**
 * Shows the engine's desktop alerts as native notifications; clicking one opens its device, or
 * the window when it lists several.
 */
export function createDesktopNotifications(deps: DesktopNotificationDeps): (alert: DesktopAlert) => void {
  return (alert) => {
    deps.notify(
      {
        title: alert.title,
        message: alert.body,
        appID: deps.appId,
        icon: deps.iconPath(),
        wait: true,
        sound: true,
      },
      (error, response) => {
        if (error) {
          deps.log(`notification helper failed (${error.message}); using Electron's`);
          deps.fallback(alert);
          return;
        }
        if (!/activate|click/i.test(response ?? '')) return;
        if (alert.deviceId) deps.openDevice(alert.deviceId);
        else deps.openWindow();
      },
    );
  };
}
