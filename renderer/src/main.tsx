import { getClient } from './client';
import { LiveStore } from './live/live-store';

// The network is asked for first, and the UI's code (React, Mantine, the pages) loads while the
// engine answers: at 10,000 devices both take a few hundred milliseconds, and they overlap.
const store = new LiveStore(getClient());
void store.start();
void import('./app/mount').then(({ mount }) => mount(store));
