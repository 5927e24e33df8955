import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import {
  Combobox,
  MantineProvider,
  PasswordInput,
  createTheme,
  localStorageColorSchemeManager,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { setInternalErrorText } from '../client/client-error';
import i18n from '../i18n';
import { prepareFormat } from '../i18n/format';
import type { LiveStore } from '../live/live-store';
import { LiveContext } from '../live/use-live';
import { ContextMenuProvider } from '../shared/context-menu';
import { App } from './app';

/** The theme in the page's language: Mantine's own labels (the password eye) are English otherwise. */
function themeFor(togglePassword: string) {
  return createTheme({
    primaryColor: 'cyan',
    defaultRadius: 'sm',
    components: {
      // A closed select's options are not kept in the page: kept, each one is positioned when its
      // page first renders, and the devices table has four of them beside 10,000 rows.
      Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': togglePassword } },
      }),
    },
  });
}

function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const togglePassword = t('app.togglePassword');
  const theme = useMemo(() => themeFor(togglePassword), [togglePassword]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="dark" colorSchemeManager={colorSchemeManager}>
      {children}
    </MantineProvider>
  );
}

const colorSchemeManager = localStorageColorSchemeManager({ key: 'vigia.theme' });

/** Renders the whole UI into #root, over the live store the page started with. */
export function mount(store: LiveStore): void {
  setInternalErrorText(() => i18n.t('app.internalError'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LocalizedMantine>
        <Notifications position="bottom-right" />
        <LiveContext.Provider value={store}>
          <ContextMenuProvider>
            <App />
          </ContextMenuProvider>
        </LiveContext.Provider>
      </LocalizedMantine>
    </StrictMode>,
  );
  requestIdleCallback(() => prepareFormat(i18n.language), { timeout: 1_000 });
}
