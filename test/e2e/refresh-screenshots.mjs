// `npm run screenshots`: runs the browser specs that walk the README's pages with
// VIGIA_SCREENSHOTS=1, so they write docs/screenshots/*.png (expects `npm run build` first).
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = spawnSync(
  npx,
  [
    'playwright',
    'test',
    'test/e2e/ui.spec.ts',
    'test/e2e/notify-settings.spec.ts',
    'test/e2e/wall.spec.ts',
    'test/e2e/map.spec.ts',
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, VIGIA_SCREENSHOTS: '1' },
    shell: process.platform === 'win32',
  },
);
process.exit(run.status ?? 1);
