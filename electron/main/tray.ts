import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { AllSettings } from '../../shared/contract/settings';
import type { Engine } from '../engine/engine';
import type { Preferences } from './preferences';
import { trayIcon } from './tray-icon';
import { trayMenu, trayState, type TrayAction, type TrayMenuItem } from './tray-model';

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

export interface VigiaTray {
  /** The menu as last built, for the end-to-end test hook. */
  items(): TrayMenuItem[];
  /** Does what a menu item does; rejects when the engine refused it. */
  act(action: TrayAction): Promise<void>;
  /** Rebuilds now rather than after the throttle (after a settings change, say). */
  refresh(): Promise<void>;
  dispose(): void;
}

/**
 * The tray: its icon shows the worst state, its tooltip the counts; left click opens the window,
 * the right-click menu lists active alarms and puts the network or a tower into maintenance.
 */
export function createTray(options: {
  engine: Engine;
  preferences: (settings: AllSettings) => Preferences;
  openWindow: () => void;
  openDevice: (deviceId: number) => void;
  quit: () => void;
  onError: (message: string) => void;
}): VigiaTray {
  const { engine } = options;
  const tray = new Tray(trayIcon('grey'));
  tray.setToolTip('Vigia');
  tray.on('click', () => options.openWindow());
  let items: TrayMenuItem[] = [];

  const act = async (action: TrayAction): Promise<void> => {
    if (action.kind === 'open') return options.openWindow();
    if (action.kind === 'openDevice') return options.openDevice(action.deviceId);
    if (action.kind === 'quit') return options.quit();
    const settings = await engine.call('settings.get', undefined);
    const { operator: by, notificationsPaused } = options.preferences(settings);
    if (action.kind === 'maintenance') {
      await engine.call('maintenance.start', {
        target: action.target,
        minutes: action.minutes,
        reason: 'Pelo menu da bandeja / from the tray menu',
        by,
      });
    } else if (action.kind === 'endMaintenance') {
      await engine.call('maintenance.end', { target: action.target, by });
    } else {
      await engine.call('settings.notifications.set', { value: { paused: !notificationsPaused }, by });
    }
    schedule();
  };
  const click = (action: TrayAction) =>
    void act(action).catch((error: unknown) => options.onError((error as Error).message));

  let pending: NodeJS.Timeout | null = null;
  const rebuild = async (): Promise<void> => {
    if (pending) clearTimeout(pending);
    pending = null;
    const [statuses, alarms, towers, settings] = await Promise.all([
      engine.call('status.snapshot', undefined),
      engine.call('alarms.list', { states: ['active'], limit: 100 }),
      engine.call('towers.list', undefined),
      engine.call('settings.get', undefined),
    ]);
    const { language, notificationsPaused } = options.preferences(settings);
    const state = trayState(statuses, language);
    tray.setImage(trayIcon(state.color));
    tray.setToolTip(state.tooltip);
    items = trayMenu({ alarms, towers, notificationsPaused, language });
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(items, click)));
  };
  const logFailure = (error: unknown) => console.error('tray update failed', error);
  function schedule(): void {
    pending ??= setTimeout(() => void rebuild().catch(logFailure), REBUILD_THROTTLE_MS);
  }
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'engine.health' && event.type !== 'ui.openDevice' && event.type !== 'notify.desktop')
      schedule();
  });
  void rebuild().catch(logFailure);
  return {
    items: () => items,
    act,
    refresh: rebuild,
    dispose() {
      unsubscribe();
      if (pending) clearTimeout(pending);
      tray.destroy();
    },
  };
}
