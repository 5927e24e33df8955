import { type EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron is faked at its module boundary: a window that records what it was asked to do and
// one 1920×1040 screen. The state file is real.
const created = vi.hoisted(() => [] as FakeWindow[]);
interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  bounds: { x: number; y: number; width: number; height: number };
  maximized: boolean;
  hidden: boolean;
}
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    bounds = { x: 0, y: 0, width: 0, height: 0 };
    maximized = false;
    hidden = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.bounds = { x: 10, y: 10, width: options.width as number, height: options.height as number };
      created.push(this as unknown as FakeWindow);
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    getNormalBounds() {
      return this.bounds;
    }
    isDestroyed() {
      return false;
    }
    hide() {
      this.hidden = true;
    }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  };
});

const { createWindow } = await import('../../../../electron/main/window');
const { loadWindowState, placeOnScreen } = await import('../../../../electron/main/window-state');

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-window-'));
  stateFile = join(dir, 'window-state.json');
  created.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const open = (keep = true) =>
  createWindow({
    stateFile,
    preload: '/app/out/preload/index.cjs',
    hidden: false,
    keepOnClose: () => keep,
  }) as unknown as FakeWindow;

describe('window state', () => {
  it('falls back to a default size when nothing, or something broken, is stored', () => {
    expect(loadWindowState(stateFile)).toEqual({ width: 1400, height: 900, maximized: false });
    writeFileSync(stateFile, '{"width": 12');
    expect(loadWindowState(stateFile)).toEqual({ width: 1400, height: 900, maximized: false });
    writeFileSync(stateFile, JSON.stringify({ width: 'wide', height: 700 }));
    expect(loadWindowState(stateFile)).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('keeps the minimum size and needs both coordinates', () => {
    writeFileSync(stateFile, JSON.stringify({ width: 300, height: 200, x: 50, maximized: true }));
    expect(loadWindowState(stateFile)).toEqual({ width: 800, height: 600, maximized: true });
  });

  it('forgets a position no screen shows any more', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    const onScreen = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(placeOnScreen(onScreen, screens)).toEqual(onScreen);
    expect(placeOnScreen({ ...onScreen, x: 2500 }, screens)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(
      placeOnScreen({ ...onScreen, x: 2500 }, [...screens, { x: 1920, y: 0, width: 1920, height: 1080 }]),
    ).toEqual({
      ...onScreen,
      x: 2500,
    });
  });
});

describe('the window', () => {
  it('is locked down: context isolation, sandbox, no Node, web security, our preload', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('reopens where it was left, saving once it settles', () => {
    vi.useFakeTimers();
    const window = open();
    window.bounds = { x: 200, y: 150, width: 1280, height: 720 };
    window.emit('move');
    window.emit('resize');
    vi.advanceTimersByTime(100);
    expect(() => readFileSync(stateFile)).toThrow();
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 200,
      y: 150,
      width: 1280,
      height: 720,
      maximized: false,
    });

    window.maximized = true;
    window.emit('maximize');
    vi.advanceTimersByTime(600);
    const reopened = open();
    expect(reopened.options).toMatchObject({ x: 200, y: 150, width: 1280, height: 720 });
    expect(reopened.maximized).toBe(true);
  });

  it('hides to the tray on close while the app runs, and closes when quitting', () => {
    const running = open(true);
    const close = { prevented: false, preventDefault: () => (close.prevented = true) };
    running.emit('close', close);
    expect(close).toMatchObject({ prevented: true });
    expect(running.hidden).toBe(true);

    const quitting = open(false);
    const last = { prevented: false, preventDefault: () => (last.prevented = true) };
    quitting.emit('close', last);
    expect(last.prevented).toBe(false);
    expect(quitting.hidden).toBe(false);
  });
});
