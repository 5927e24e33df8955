import { authState } from './client/auth';
import { getClient } from './client';
import { LiveStore } from './live/live-store';

// The network is asked for first, and the UI's code (React, Mantine, the pages) loads while the
// engine answers: at 10,000 devices both take a few hundred milliseconds, and they overlap.
function start(): void {
  const store = new LiveStore(getClient());
  void store.start();
  void import('./app/mount').then(({ mount }) => mount(store));
}

// A headless server with an access token asks the browser to sign in first; the desktop app
// (the preload bridge) and a loopback server without a token start at once.
if (window.vigia) start();
else
  void authState().then(
    (state) =>
      state.required && !state.authenticated
        ? void import('./login/mount-login').then(({ mountLogin }) => mountLogin())
        : start(),
    start,
  );
