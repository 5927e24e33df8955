import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../engine/engine';
import { trayIcon } from './tray-icon';
import { trayMenu, trayState, type Language, type TrayAction, type TrayMenuItem } from './tray-model';

const REBUILD_THROTTLE_MS = 2_000;

function toElectron(items: TrayMenuItem[], act: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.separator) return { type: 'separator' };
    return {
      label: item.label,
      enabled: item.enabled ?? true,
      ...(item.checked !== undefined ? { type: 'checkbox' as const, checked: item.checked } : {}),
      ...(item.submenu ? { submenu: toElectron(item.submenu, act) } : {}),
      ...(item.action ? { click: () => act(item.action!) } : {}),
    };
  });
}

/**
 * The tray: its icon shows the worst state, its tooltip the counts; left click opens the window,
 * the right-click menu lists active alarms and puts the network or a tower into maintenance.
 */
export function createTray(options: {
  engine: Engine;
  language: () => Language;
  operator: () => string;
  openWindow: () => void;
  openDevice: (deviceId: number) => void;
  quit: () => void;
}): () => void {
  const { engine } = options;
  const tray = new Tray(trayIcon('grey'));
  tray.setToolTip('Vigia');
  tray.on('click', () => options.openWindow());

  const act = (action: TrayAction): void => {
    const by = options.operator();
    switch (action.kind) {
      case 'open':
        return options.openWindow();
      case 'openDevice':
        return options.openDevice(action.deviceId);
      case 'maintenance':
        void engine.call('maintenance.start', {
          target: action.target,
          minutes: action.minutes,
          reason: 'Pelo menu da bandeja / from the tray menu',
          by,
        });
        return;
      case 'endMaintenance':
        void engine.call('maintenance.end', { target: action.target, by });
        return;
      case 'togglePause':
        void engine.call('settings.get', undefined).then((settings) =>
          engine.call('settings.set', {
            key: 'notify.paused',
            value: settings['notify.paused'] !== true,
            by,
          }),
        );
        return;
      case 'quit':
        return options.quit();
    }
  };

  let pending: NodeJS.Timeout | null = null;
  const rebuild = async (): Promise<void> => {
    pending = null;
    const language = options.language();
    const [statuses, alarms, towers, settings] = await Promise.all([
      engine.call('status.snapshot', undefined),
      engine.call('alarms.list', { states: ['active'], limit: 100 }),
      engine.call('towers.list', undefined),
      engine.call('settings.get', undefined),
    ]);
    const state = trayState(statuses, language);
    tray.setImage(trayIcon(state.color));
    tray.setToolTip(state.tooltip);
    const items = trayMenu({
      alarms,
      towers,
      notificationsPaused: settings['notify.paused'] === true,
      language,
    });
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(items, act)));
  };
  const schedule = () => {
    pending ??= setTimeout(
      () => void rebuild().catch((error: unknown) => console.error('tray update failed', error)),
      REBUILD_THROTTLE_MS,
    );
  };
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'engine.health' && event.type !== 'ui.openDevice') schedule();
  });
  void rebuild().catch((error: unknown) => console.error('tray update failed', error));
  return () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
    tray.destroy();
  };
}
