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

// A headless server with accounts, or the desktop app on a shared PostgreSQL, asks to sign in
// first (and to choose a password of one's own when an administrator set it); a workstation on
// its own store and a loopback server without accounts start at once.
const login = (step: 'sign-in' | 'change-password') =>
  void import('./login/mount-login').then(({ mountLogin }) => mountLogin(step));
void authState().then((state) => {
  if (state.required && !state.authenticated) login('sign-in');
  else if (state.mustChangePassword) login('change-password');
  else start();
}, start);
