import { join } from 'node:path';
import { app, nativeImage, type NativeImage } from 'electron';
import type { TrayColor } from './tray-model';

/**
 * The tray icons drawn by build/generate-icons.mjs: `<state>.png` at 16 px with `<state>@2x.png`
 * beside it, which Electron picks on high-DPI screens. Packaged, they are extra resources.
 */
function trayFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'resources', 'tray');
}

const cache = new Map<TrayColor, NativeImage>();

export function trayIcon(color: TrayColor): NativeImage {
  let image = cache.get(color);
  if (!image) {
    image = nativeImage.createFromPath(join(trayFolder(), `${color}.png`));
    if (image.isEmpty()) console.error(`tray icon missing: ${join(trayFolder(), `${color}.png`)}`);
    cache.set(color, image);
  }
  return image;
}

/** A file path, because the native notification helper reads the icon from disk. */
export function notificationIconPath(): string {
  return join(trayFolder(), 'red@2x.png');
}
