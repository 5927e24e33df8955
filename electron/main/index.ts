// The desktop app's main process: one instance, one secure window, the tray, and the engine in a
// utility process of its own (which runs the collectors). The renderer reaches the engine only
// through the preload, and this process only through the engine proxy.
import { existsSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  Menu,
  Notification,
  session,
} from 'electron';
import notifier from 'node-notifier';
import type { DesktopAlert } from '../../shared/contract/events';
import { IPC_EVENT } from '../../shared/contract/ipc';
import type { EngineProxy } from '../engine-proxy/engine-proxy';
import { serveObservabilityIfEnabled } from './observability-endpoint';
import { appMenuTemplate } from './app-menu';
import { createDesktopNotifications } from './desktop-notifications';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { devServerUrlFor, rendererBaseUrl } from './app-url';
import { startEngineProcess } from './engine-process';
import { installE2eHook, type E2eHook } from './e2e-hook';
import { isTrustedSender, registerDesktopAuth, registerIpc, relayEvents } from './ipc';
import { DesktopSession } from './desktop-session';
import { desktopStore } from './desktop-store';
import { printReportToPdf } from './print-report';
import type { AllSettings } from '../../shared/contract/settings';
import { readPreferences, type Preferences } from './preferences';
import { icmpSummary, isElevated, privilegeNotice, runCommand } from './privileges';
import { hardenContents, hardenSession, rendererCsp } from './security';
import { startWithSystem } from './start-with-system';
import { createTray } from './tray';
import { notificationIconPath } from './tray-icon';
import { createWindow } from './window';

const APP_ID = 'br.com.vigia.noc';
const devServerUrl = devServerUrlFor(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const rendererUrl = rendererBaseUrl(devServerUrl);
registerAppScheme();
let window: BrowserWindow | null = null;
let engine: EngineProxy | null = null;
let quitting = false;
let e2e: E2eHook | null = null;

function showWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function quit(): void {
  quitting = true;
  app.quit();
}

/** The logged-on user, for the audit trail when no operator name was set. */
function osUser(): string {
  try {
    return userInfo().username || 'operador';
  } catch {
    return 'operador';
  }
}

const autoStart = startWithSystem({
  platform: process.platform,
  exePath: app.getPath('exe'),
  run: runCommand,
  loginItems: {
    get: () => app.getLoginItemSettings(),
    set: (settings) => app.setLoginItemSettings(settings),
  },
});

async function setAppMenu(preferences: Preferences): Promise<void> {
  const template = appMenuTemplate(
    {
      language: preferences.language,
      platform: process.platform,
      startWithSystem: await autoStart.isEnabled().catch(() => false),
      development: devServerUrl !== undefined,
    },
    {
      openWindow: showWindow,
      // Either way the menu is rebuilt, so its checkbox shows what really happened.
      toggleStartWithSystem: (enabled) =>
        void autoStart
          .setEnabled(enabled)
          .catch((error: unknown) => dialog.showErrorBox('Vigia', (error as Error).message))
          .finally(() => void setAppMenu(preferences)),
      about: async () => {
        const info = await engine?.info().catch(() => null);
        void dialog.showMessageBox({
          title: 'Vigia',
          message: `Vigia ${app.getVersion()}`,
          detail: info ? `${icmpSummary(info, preferences.language)}\nDB: ${info.dialect}` : '',
        });
      },
      quit,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Electron's own notification, when node-notifier's native helper is not available. */
function electronNotification(alert: DesktopAlert): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: alert.title, body: alert.body });
  shown.on('click', () => {
    if (alert.deviceId) openDevice(alert.deviceId);
    else showWindow();
  });
  shown.show();
}

const showNativeNotification = createDesktopNotifications({
  notify: (options, callback) => {
    const { title, message, appID, icon } = options;
    e2e?.notifications.push({ title, message, appID, icon });
    notifier.notify(options, (error, response) => callback(error, response));
  },
  appId: APP_ID,
  iconPath: notificationIconPath,
  openDevice: (deviceId) => openDevice(deviceId),
  openWindow: () => showWindow(),
  fallback: electronNotification,
  log: (message) => console.warn(message),
});

function openDevice(deviceId: number): void {
  showWindow();
  window?.webContents.send(IPC_EVENT, { type: 'ui.openDevice', deviceId });
}

/** Once per installation, when raw ICMP is out of reach: say why and what still works. */
async function explainPrivileges(running: EngineProxy, preferences: Preferences): Promise<void> {
  const elevated = await isElevated(process.platform, runCommand, process.getuid?.());
  const info = await running.info();
  console.log(`privileges: ${elevated ? 'elevated' : 'not elevated'}; ICMP ${info.icmpMode}`);
  const marker = join(app.getPath('userData'), 'privilege-notice-shown');
  const notice = privilegeNotice(elevated, info, preferences.language);
  if (!notice || existsSync(marker) || e2e) return;
  writeFileSync(marker, new Date().toISOString());
  await dialog.showMessageBox({ type: 'warning', ...notice });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', showWindow);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl);
  serveAppProtocol(join(__dirname, '../renderer'), rendererCsp());

  const storeChoice = desktopStore(process.argv, process.env);
  engine = await startEngineProcess({
    dataDir: app.getPath('userData'),
    demo: process.argv.includes('--demo'),
    version: app.getVersion(),
    defaultOperator: osUser(),
    ...storeChoice,
  });
  const running = engine;
  const observability = await serveObservabilityIfEnabled(running, console.log);
  let preferences = readPreferences(await running.call('settings.get', undefined));
  const onPreferences = (settings: AllSettings): Preferences => {
    const next = readPreferences(settings);
    if (next.language !== preferences.language) void setAppMenu(next);
    preferences = next;
    return next;
  };
  // The tray and the notifications first: the monitor is already running and raises alarms.
  const tray = createTray({
    engine: running,
    preferences: onPreferences,
    openWindow: showWindow,
    openDevice,
    quit,
    onError: (message) => dialog.showErrorBox('Vigia', message),
  });
  e2e = installE2eHook(tray);
  // The engine decides what deserves a notification (severity, grouping, do-not-disturb).
  running.subscribe((event) => {
    if (event.type === 'notify.desktop') showNativeNotification(event);
    if (event.type === 'ui.openDevice') showWindow();
  });
  await setAppMenu(preferences);

  window = createWindow({
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    preload: join(__dirname, '../preload/index.cjs'),
    hidden: process.argv.includes('--hidden'),
    // Closing hides to the tray: the NOC keeps watching; Quit is in the tray menu.
    keepOnClose: () => !quitting,
  });
  hardenContents(window.webContents, rendererUrl);
  const trusted = (event: IpcMainInvokeEvent) =>
    isTrustedSender(event, window?.webContents ?? null, rendererUrl);
  const signIn = new DesktopSession(running, storeChoice.access === 'accounts');
  registerIpc(
    ipcMain,
    running,
    trusted,
    { 'reports.printPdf': (sender, { fileName }) => printReportToPdf(sender, fileName) },
    signIn,
  );
  registerDesktopAuth(ipcMain, signIn, trusted);
  // Before sign-in on a shared store the page gets nothing of the network, events included.
  relayEvents(running, () => (signIn.required && !signIn.auth() ? null : (window?.webContents ?? null)));
  window.webContents.once('did-finish-load', () => {
    setTimeout(() => void explainPrivileges(running, preferences).catch(console.error), 3_000);
  });
  void window.loadURL(rendererUrl);

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!engine) return;
    event.preventDefault();
    const stopping = engine;
    engine = null;
    tray.dispose();
    void Promise.resolve(observability?.close())
      .then(() => stopping.stop())
      .finally(() => app.exit(0));
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox('Vigia', `Vigia could not start:\n\n${(error as Error).message}`);
  app.exit(1);
});
