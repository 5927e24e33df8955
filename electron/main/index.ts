// The desktop app's main process: one instance, one secure window, the tray, and the engine with
// its collectors in utility processes. The renderer reaches the engine only through the preload.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { IPC_EVENT } from '../../shared/contract/ipc';
import { startEngine, type RunningEngine } from '../engine/start-engine';
import { isTrustedSender, registerIpc, relayEvents } from './ipc';
import { safeStorageCipher } from './safe-storage-cipher';
import { hardenContents, hardenSession } from './security';
import { createTray } from './tray';
import { utilitySpawner } from './utility-spawner';
import { loadWindowState, saveWindowState } from './window-state';

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? `file://${join(__dirname, '../renderer/')}`;
let window: BrowserWindow | null = null;
let engine: RunningEngine | null = null;
let quitting = false;
let language: 'pt-BR' | 'en' = 'pt-BR';
let operator = process.env.USERNAME ?? process.env.USER ?? 'operador';

function showWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const created = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 600,
    show: !process.argv.includes('--hidden'),
    backgroundColor: '#1a1b1e',
    title: 'Vigia',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (state.maximized) created.maximize();
  hardenContents(created.webContents, rendererUrl);
  const remember = () =>
    saveWindowState(stateFile, { ...created.getNormalBounds(), maximized: created.isMaximized() });
  created.on('resize', remember);
  created.on('move', remember);
  // Closing hides to the tray: the NOC keeps watching; Quit is in the tray menu.
  created.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      created.hide();
    }
  });
  if (process.env.ELECTRON_RENDERER_URL) void created.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void created.loadFile(join(__dirname, '../renderer/index.html'));
  return created;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', showWindow);
  await app.whenReady();
  hardenSession(session.defaultSession);

  engine = await startEngine({
    dataDir: app.getPath('userData'),
    demo: process.argv.includes('--demo'),
    runtime: 'electron',
    spawner: utilitySpawner,
    cipher: safeStorageCipher() ?? undefined,
    version: app.getVersion(),
  });
  const settings = await engine.call('settings.get', undefined);
  if (settings['ui.language'] === 'en') language = 'en';
  if (typeof settings['ui.operator'] === 'string') operator = settings['ui.operator'];

  window = createWindow();
  registerIpc(ipcMain, engine, (event) => isTrustedSender(event, window?.webContents ?? null, rendererUrl));
  relayEvents(engine, () => window?.webContents ?? null);
  engine.subscribe((event) => {
    if (event.type === 'ui.openDevice') showWindow();
  });
  const running = engine;
  createTray({
    engine: running,
    language: () => language,
    operator: () => operator,
    openWindow: showWindow,
    openDevice: (deviceId) => {
      showWindow();
      window?.webContents.send(IPC_EVENT, { type: 'ui.openDevice', deviceId });
    },
    quit: () => {
      quitting = true;
      app.quit();
    },
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!engine) return;
    event.preventDefault();
    const stopping = engine;
    engine = null;
    void stopping.stop().finally(() => app.exit(0));
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox('Vigia', `Vigia could not start:\n\n${(error as Error).message}`);
  app.exit(1);
});
