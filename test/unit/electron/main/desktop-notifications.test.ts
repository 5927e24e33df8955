import { describe, expect, it } from 'vitest';
import type { DesktopAlert } from '../../../../shared/contract/events';
import { createDesktopNotifications, type NodeNotify } from '../../../../electron/main/desktop-notifications';

describe('desktop notifications through node-notifier', () => {
  const alert = (deviceId: number | null): DesktopAlert => ({
    title: 'Vigia — alarme critical',
    body: 'OLT fora',
    deviceId,
  });

  function harness(answer: (callback: Parameters<NodeNotify>[1]) => void) {
    const calls: Parameters<NodeNotify>[0][] = [];
    const opened: string[] = [];
    const show = createDesktopNotifications({
      notify: (options, callback) => {
        calls.push(options);
        answer(callback);
      },
      appId: 'br.com.vigia.noc',
      iconPath: () => '/icons/red@2x.png',
      openDevice: (id) => opened.push(`device:${id}`),
      openWindow: () => opened.push('window'),
      fallback: (shown) => opened.push(`fallback:${shown.title}`),
      log: () => undefined,
    });
    return { calls, opened, show };
  }

  it('shows a toast under the app id and opens the device when it is clicked', () => {
    const { calls, opened, show } = harness((callback) => callback(null, 'activate'));
    show(alert(42));
    show(alert(null));
    expect(calls[0]).toMatchObject({
      title: 'Vigia — alarme critical',
      message: 'OLT fora',
      appID: 'br.com.vigia.noc',
      wait: true,
    });
    expect(opened).toEqual(['device:42', 'window']);
  });

  it('does nothing when dismissed and falls back to Electron when the helper fails', () => {
    const dismissed = harness((callback) => callback(null, 'timeout'));
    dismissed.show(alert(1));
    expect(dismissed.opened).toEqual([]);
    const broken = harness((callback) => callback(new Error('spawn notify-send ENOENT'), ''));
    broken.show(alert(1));
    expect(broken.opened).toEqual(['fallback:Vigia — alarme critical']);
  });
});
