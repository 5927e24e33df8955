import { nativeImage, type NativeImage } from 'electron';
import type { TrayColor } from './tray-model';

const RGB: Record<TrayColor, [number, number, number]> = {
  green: [46, 160, 67],
  yellow: [230, 170, 20],
  red: [218, 54, 51],
  grey: [128, 128, 128],
};

/** A filled, anti-aliased disc in the state's colour, drawn at any size (no image files needed). */
export function trayIcon(color: TrayColor, size = 32): NativeImage {
  const [r, g, b] = RGB[color];
  const pixels = Buffer.alloc(size * size * 4);
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const alpha = Math.max(0, Math.min(1, radius - distance + 0.5));
      const offset = (y * size + x) * 4;
      // BGRA, as createFromBitmap expects.
      pixels[offset] = b;
      pixels[offset + 1] = g;
      pixels[offset + 2] = r;
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}
