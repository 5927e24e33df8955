import { Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TestState } from './use-notify-test';

type Channel = 'telegram' | 'webhook' | 'desktop';

/** What a failure usually means, for the errors an operator meets in practice. */
function hintFor(channel: Channel, error: string): string | null {
  if (channel === 'telegram') {
    if (/\b401\b|unauthori[sz]ed|invalid (bot )?token/i.test(error)) return 'notify.test.hint.token';
    if (/chat not found|unknown chat/i.test(error)) return 'notify.test.hint.chat';
    if (/\b403\b|forbidden|blocked|kicked|may not write/i.test(error)) return 'notify.test.hint.blocked';
    if (/\b429\b|too many requests/i.test(error)) return 'notify.test.hint.rateLimit';
  }
  if (channel === 'webhook' && /\b40[13]\b|unauthori[sz]ed|forbidden|signature/i.test(error))
    return 'notify.test.hint.webhookAuth';
  if (/ECONNREFUSED|connection refused/i.test(error)) return 'notify.test.hint.refused';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|host not found/i.test(error)) return 'notify.test.hint.dns';
  if (/timed? ?out|ETIMEDOUT|abort/i.test(error)) return 'notify.test.hint.timeout';
  if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(error)) return 'notify.test.hint.tls';
  return null;
}

/** The outcome of a "send test" next to its button: the exact error text, and what it likely means. */
export function TestResult({
  state,
  channel,
  testId,
}: {
  state: TestState | undefined;
  channel: Channel;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state.running)
    return (
      <Group gap="xs" data-testid={testId} data-state="running">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('notify.test.sending')}
        </Text>
      </Group>
    );
  if (state.ok)
    return (
      <Text size="sm" c="green" data-testid={testId} data-state="ok">
        ✓ {t('notify.test.ok')}
      </Text>
    );
  const error = state.error || t('notify.test.unknownError');
  const hint = hintFor(channel, error);
  return (
    <Stack gap={2} data-testid={testId} data-state="error">
      <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
        ✗ {t('notify.test.failed')}: <span data-testid={`${testId}-error`}>{error}</span>
      </Text>
      {hint && (
        <Text size="sm" c="orange">
          {t(hint)}
        </Text>
      )}
    </Stack>
  );
}
