import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';

/** Asked right after signing in with a password an administrator set: choose one's own first. */
export function ChangePasswordPage({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={420}>
        <Stack>
          <Title order={3}>{t('login.changeTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('login.changeHint')}
          </Text>
          <ChangePasswordForm onChanged={onChanged} />
        </Stack>
      </Paper>
    </Center>
  );
}
