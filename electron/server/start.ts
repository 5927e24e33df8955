// `npm start`: the desktop app where Electron's binary is installed; elsewhere the headless
// server with the demo network, so that a newcomer always sees Vigia working.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinary } from './electron-binary';

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** Linux without X or Wayland (a server, a container) cannot show a window even with Electron. */
const hasDisplay = () =>
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (electronBinary(resolve(__dirname, '../..')) && hasDisplay()) {
  run('npx', ['electron-vite', 'preview']);
} else {
  console.log(
    'No Electron or no display here: starting the headless server with the demo network; open the address it prints in a browser.',
  );
  run('npx', ['electron-vite', 'build']);
  run(process.execPath, ['out/main/server.js', '--demo', ...process.argv.slice(2)]);
}
