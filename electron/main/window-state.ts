import { readFileSync, writeFileSync } from 'node:fs';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1400, height: 900, maximized: false };

/** The window's last size and position, or a sensible default when none (or a broken file) is stored. */
export function loadWindowState(file: string): WindowState {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const ok = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
    if (!ok(stored.width) || !ok(stored.height)) return DEFAULT_STATE;
    return {
      width: Math.max(800, stored.width!),
      height: Math.max(600, stored.height!),
      ...(ok(stored.x) && ok(stored.y) ? { x: stored.x, y: stored.y } : {}),
      maximized: stored.maximized === true,
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The stored position only while a screen still shows the window's title bar: after a monitor is
 * unplugged, Windows would otherwise open the window where nobody can see or grab it.
 */
export function placeOnScreen(state: WindowState, workAreas: Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const titleBar = { x: x + 40, y: y + 10 };
  const visible = workAreas.some(
    (area) =>
      titleBar.x >= area.x &&
      titleBar.x < area.x + area.width &&
      titleBar.y >= area.y &&
      titleBar.y < area.y + area.height,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}
