import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../client/auth';

/** The headless server's sign-in: the access token in, the session cookie back, then the app. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(secret);
    setBusy(false);
    if (result.ok) {
      onSignedIn();
      return;
    }
    setSecret('');
    if (result.reason === 'rate_limited')
      setError(t('login.rateLimited', { minutes: Math.ceil(result.retryAfterS / 60) }));
    else setError(t(result.reason === 'invalid' ? 'login.invalid' : 'login.unavailable'));
  };

  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={380} component="form" onSubmit={(event) => void submit(event)}>
        <Stack>
          <Title order={3}>{t('app.name')}</Title>
          <Text size="sm" c="dimmed">
            {t('login.hint')}
          </Text>
          <PasswordInput
            label={t('login.secret')}
            value={secret}
            onChange={(event) => setSecret(event.currentTarget.value)}
            autoComplete="current-password"
            autoFocus
            required
            visibilityToggleButtonProps={{ 'aria-label': t('login.showSecret') }}
            data-testid="login-secret"
          />
          {error && (
            <Alert color="red" data-testid="login-error">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} disabled={!secret} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
