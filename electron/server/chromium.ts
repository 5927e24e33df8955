import { existsSync } from 'node:fs';

/** Where Chromium-family browsers are installed: Debian/Ubuntu, then Chrome and Edge on Windows. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The system's Chromium for printing reports (VIGIA_CHROMIUM first), or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.VIGIA_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return KNOWN_PATHS.find((path) => existsSync(path)) ?? null;
}
