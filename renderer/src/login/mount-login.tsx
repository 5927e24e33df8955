import '@mantine/core/styles.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import { LoginPage } from './login-page';

/** Shows only the sign-in; once signed in, the page loads again and opens the app. */
export function mountLogin(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider
        defaultColorScheme="dark"
        colorSchemeManager={localStorageColorSchemeManager({ key: 'vigia.theme' })}
      >
        <LoginPage onSignedIn={() => window.location.reload()} />
      </MantineProvider>
    </StrictMode>,
  );
}
