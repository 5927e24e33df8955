import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { getClient } from './client';
import './i18n';
import { LiveStore } from './live/live-store';
import { LiveContext } from './live/use-live';
import { ContextMenuProvider } from './shared/context-menu';

const theme = createTheme({ primaryColor: 'cyan', defaultRadius: 'sm' });
const colorSchemeManager = localStorageColorSchemeManager({ key: 'vigia.theme' });
const store = new LiveStore(getClient());
const { reachable } = store.start();

// The first render holds the main thread for a while; in a browser it would also hold the
// WebSocket's open event, and with it the requests for the device list. They go first.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="dark" colorSchemeManager={colorSchemeManager}>
        <Notifications position="bottom-right" />
        <LiveContext.Provider value={store}>
          <ContextMenuProvider>
            <App />
          </ContextMenuProvider>
        </LiveContext.Provider>
      </MantineProvider>
    </StrictMode>,
  );
void Promise.race([reachable, new Promise((resolve) => setTimeout(resolve, 1_500))]).then(render);
