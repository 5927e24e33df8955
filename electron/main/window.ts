import { BrowserWindow, screen } from 'electron';
import { loadWindowState, placeOnScreen, saveWindowState } from './window-state';

const SAVE_AFTER_MS = 500;

/**
 * The one window, locked down (context isolation, sandbox, no Node), reopened where the operator
 * left it. It does not load anything: the caller hardens its contents first.
 */
export function createWindow(options: {
  stateFile: string;
  preload: string;
  hidden: boolean;
  /** While true, closing hides the window instead of destroying it. */
  keepOnClose: () => boolean;
}): BrowserWindow {
  const state = placeOnScreen(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 600,
    show: !options.hidden,
    backgroundColor: '#1a1b1e',
    title: 'Vigia',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (state.maximized) window.maximize();
  // Moving or resizing fires many events: write the file once the window has settled.
  let saving: NodeJS.Timeout | null = null;
  const remember = () => {
    if (saving) clearTimeout(saving);
    saving = setTimeout(() => {
      saving = null;
      if (window.isDestroyed()) return;
      try {
        saveWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
      } catch (error) {
        // Only the window's place is lost; never take the main process down for it.
        console.error('could not remember the window position', error);
      }
    }, SAVE_AFTER_MS);
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', (event) => {
    if (options.keepOnClose()) {
      event.preventDefault();
      window.hide();
    }
  });
  return window;
}
