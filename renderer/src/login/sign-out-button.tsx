import { Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authState, signOut } from '../client/auth';

/** Shown only in a browser signed in to a server that asks for sign-in. */
export function SignOutButton() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (window.vigia) return;
    void authState().then(
      (state) => setShown(state.required && state.authenticated),
      () => undefined,
    );
  }, []);
  if (!shown) return null;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      data-testid="sign-out"
      onClick={() => void signOut().finally(() => window.location.reload())}
    >
      {t('app.signOut')}
    </Button>
  );
}
