import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../client/auth';

/** The headless server's sign-in: user name and password in, the session cookie back, then the app. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(name.trim(), password);
    setBusy(false);
    if (result.ok) {
      onSignedIn();
      return;
    }
    setPassword('');
    if (result.reason === 'rate_limited')
      setError(
        t(result.scope === 'user' ? 'login.userRateLimited' : 'login.rateLimited', {
          minutes: Math.ceil(result.retryAfterS / 60),
        }),
      );
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
          <TextInput
            label={t('login.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            autoComplete="username"
            autoFocus
            required
            data-testid="login-name"
          />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            data-testid="login-password"
          />
          {error && (
            <Alert color="red" data-testid="login-error">
              {error}
            </Alert>
          )}
          <Button
            type="submit"
            loading={busy}
            disabled={!name.trim() || !password}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
