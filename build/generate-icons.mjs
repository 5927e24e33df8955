// Draws Vigia's icons with no image tools: the installer/app icon (build/icon.png, build/icon.ico)
// and the tray's state icons (resources/tray/<state>.png at 16 px, <state>@2x.png at 32 px).
// Run `node build/generate-icons.mjs` after changing a colour or a shape; the files are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = 4; // per axis: 16 coverage samples a pixel give smooth edges

/** Renders `paint(u, v)` → [r, g, b, a] (u, v in 0..1) into straight RGBA, anti-aliased. */
function render(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [pr, pg, pb, pa] = paint(
            (x + (sx + 0.5) / SAMPLES) / size,
            (y + (sy + 0.5) / SAMPLES) / size,
          );
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      }
      const offset = (y * size + x) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
      }
      rgba[offset + 3] = Math.round((a / SAMPLES ** 2) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A classic 32-bit DIB icon entry (BGRA bottom-up plus an AND mask): every Windows tool reads it. */
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico holding every size: PNG for 256 px (as Windows expects), DIB below. */
function ico(images) {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  const bodies = images.map(({ size, rgba }, i) => {
    const body = size >= 256 ? png(size, rgba) : dib(size, rgba);
    const entry = 6 + 16 * i;
    directory[entry] = size >= 256 ? 0 : size;
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(body.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += body.length;
    return body;
  });
  return Buffer.concat([directory, ...bodies]);
}

const NAVY = [28, 37, 65];
const GREEN = [46, 160, 67];
const TEAL = [99, 210, 190];

/** The app icon: a radar — rings and a sweep over a dark rounded square, a green dot in the middle. */
function appIcon(u, v) {
  const cornerRadius = 0.2;
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - cornerRadius), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - cornerRadius), 0);
  if (Math.hypot(qx, qy) > cornerRadius) return [0, 0, 0, 0];
  const distance = Math.hypot(u - 0.5, v - 0.5);
  if (distance < 0.09) return [...GREEN, 1];
  const ring = [0.2, 0.3, 0.4].some((r) => Math.abs(distance - r) < 0.022);
  const angle = Math.atan2(v - 0.5, u - 0.5);
  const sweep = distance < 0.42 && angle > -Math.PI / 2 && angle < -Math.PI / 4;
  if (ring) return [...TEAL, 1];
  if (sweep)
    return [
      Math.round((NAVY[0] + TEAL[0]) / 2),
      Math.round((NAVY[1] + TEAL[1]) / 2),
      Math.round((NAVY[2] + TEAL[2]) / 2),
      1,
    ];
  return [...NAVY, 1];
}

const TRAY = {
  green: [46, 160, 67],
  yellow: [230, 170, 20],
  red: [218, 54, 51],
  grey: [128, 128, 128],
};

/** A tray state: a disc in the state's colour with a dark rim, readable on light and dark taskbars. */
const trayDisc = (color) => (u, v) => {
  const distance = Math.hypot(u - 0.5, v - 0.5);
  if (distance > 0.47) return [0, 0, 0, 0];
  if (distance > 0.39) return [30, 30, 30, 0.85];
  return [...color, 1];
};

function write(relative, bytes) {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`${relative} (${bytes.length} bytes)`);
}

const iconSizes = [16, 24, 32, 48, 64, 128, 256];
const appImages = iconSizes.map((size) => ({ size, rgba: render(size, appIcon) }));
write('build/icon.png', png(256, appImages.at(-1).rgba));
write('build/icon.ico', ico(appImages));
for (const [state, color] of Object.entries(TRAY)) {
  write(`resources/tray/${state}.png`, png(16, render(16, trayDisc(color))));
  write(`resources/tray/${state}@2x.png`, png(32, render(32, trayDisc(color))));
}
