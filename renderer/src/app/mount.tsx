import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Combobox, MantineProvider, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setInternalErrorText } from '../client/client-error';
import i18n from '../i18n';
import { prepareFormat } from '../i18n/format';
import type { LiveStore } from '../live/live-store';
import { LiveContext } from '../live/use-live';
import { ContextMenuProvider } from '../shared/context-menu';
import { App } from './app';

const theme = createTheme({
  primaryColor: 'cyan',
  defaultRadius: 'sm',
  components: {
    // A closed select's options are not kept in the page: kept, each one is positioned when its
    // page first renders, and the devices table has four of them beside 10,000 rows.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
const colorSchemeManager = localStorageColorSchemeManager({ key: 'vigia.theme' });

/** Renders the whole UI into #root, over the live store the page started with. */
export function mount(store: LiveStore): void {
  setInternalErrorText(() => i18n.t('app.internalError'));
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
  requestIdleCallback(() => prepareFormat(i18n.language), { timeout: 1_000 });
}
