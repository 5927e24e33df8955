import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getClient } from '../client';
import { errorMessage } from '../client/client-error';

const MIN_LENGTH = 10;

/**
 * Current, new and repeated password, checked as the contract's NewPassword before it is sent;
 * the engine then ends this user's other sessions and keeps the one that changed it.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setError(t('login.tooShort'));
    if (next !== repeat) return setError(t('login.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await getClient().invoke('account.changePassword', { current, next });
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, value: string, set: (value: string) => void, testId: string) => (
    <PasswordInput
      label={label}
      value={value}
      onChange={(event) => set(event.currentTarget.value)}
      autoComplete={testId === 'password-current' ? 'current-password' : 'new-password'}
      required
      data-testid={testId}
    />
  );

  return (
    <Stack component="form" onSubmit={(event) => void submit(event)}>
      {field(t('login.current'), current, setCurrent, 'password-current')}
      {field(t('login.next'), next, setNext, 'password-next')}
      {field(t('login.repeat'), repeat, setRepeat, 'password-repeat')}
      {error && (
        <Alert color="red" data-testid="password-error">
          {error}
        </Alert>
      )}
      <Button type="submit" loading={busy} data-testid="password-submit">
        {t('login.change')}
      </Button>
    </Stack>
  );
}
