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
