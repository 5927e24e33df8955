import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotifyLanguage, SecretHint } from '../../../../shared/contract/notify';
import { newWebhook, type WebhookDraft } from './draft';
import type { FormIssue } from './issues';
import type { TestState } from './use-notify-test';
import type { TowerOption } from './use-notify-settings';
import { WebhookRow } from './webhook-row';

/** HTTP destinations (a ticket system, a chat bridge, an in-house dashboard), signed with HMAC. */
export function WebhooksCard({
  value,
  onChange,
  secretHints,
  towers,
  issues,
  tests,
  onTest,
}: {
  value: WebhookDraft[];
  /** Edits as functions of the current list, so edits in one event never overwrite each other. */
  onChange: (change: (webhooks: WebhookDraft[]) => WebhookDraft[]) => void;
  secretHints: Record<string, SecretHint>;
  towers: TowerOption[];
  issues: FormIssue[];
  tests: Record<string, TestState>;
  onTest: (hook: WebhookDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const update = (index: number, patch: Partial<WebhookDraft>) =>
    onChange((hooks) => hooks.map((hook, i) => (i === index ? { ...hook, ...patch } : hook)));
  return (
    <Card withBorder data-testid="notify-webhooks">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={5}>{t('notify.webhooks.title')}</Title>
            <Text size="xs" c="dimmed">
              {t('notify.webhooks.help')}
            </Text>
          </div>
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange((hooks) => [...hooks, newWebhook(i18n.language as NotifyLanguage)])}
            disabled={value.length >= 20}
            data-testid="webhook-add"
          >
            {t('notify.webhooks.add')}
          </Button>
        </Group>
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notify.webhooks.none')}
          </Text>
        ) : (
          value.map((hook, index) => (
            <WebhookRow
              key={hook.key}
              hook={hook}
              index={index}
              secretHints={secretHints}
              onChange={(patch) => update(index, patch)}
              onRemove={() => onChange((hooks) => hooks.filter((_, i) => i !== index))}
              onTest={() => onTest(hook)}
              test={tests[hook.key]}
              towers={towers}
              issues={issues}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
