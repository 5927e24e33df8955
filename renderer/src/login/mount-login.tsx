import '@mantine/core/styles.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import { ChangePasswordPage } from './change-password-page';
import { LoginPage } from './login-page';

/**
 * Shows only the sign-in (or, signed in with a password someone else set, the form to choose one's
 * own); once done, the page loads again and opens the app.
 */
export function mountLogin(step: 'sign-in' | 'change-password'): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider
        defaultColorScheme="dark"
        colorSchemeManager={localStorageColorSchemeManager({ key: 'vigia.theme' })}
      >
        {step === 'sign-in' ? (
          <LoginPage onSignedIn={() => window.location.reload()} />
        ) : (
          <ChangePasswordPage onChanged={() => window.location.reload()} />
        )}
      </MantineProvider>
    </StrictMode>,
  );
}
