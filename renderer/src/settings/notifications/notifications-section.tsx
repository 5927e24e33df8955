import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeliveryStatus } from './delivery-status';
import { DesktopCard } from './desktop-card';
import type { ChatDraft, WebhookDraft } from './draft';
import { GroupingCard } from './grouping-card';
import { errorAt } from './issues';
import { IssuesAlert } from './issues-alert';
import { TelegramCard } from './telegram-card';
import { TemplatesCard } from './templates-card';
import { useNotifySettings } from './use-notify-settings';
import { useNotifyTests } from './use-notify-test';
import { WebhooksCard } from './webhooks-card';

/**
 * Settings › Notifications: the workstation's pop-ups, Telegram, webhooks, message templates
 * and the delivery status. Edits are a draft until "Save"; "do not disturb" applies at once.
 */
export function NotificationsSection() {
  const { t } = useTranslation();
  const settings = useNotifySettings();
  const tests = useNotifyTests();
  const { draft, view, update, issues } = settings;

  if (settings.loadError)
    return (
      <Stack data-testid="notify-settings">
        <Title order={3}>{t('notify.title')}</Title>
        <Alert color="red" title={t('notify.loadError')} data-testid="notify-load-error">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{settings.loadError}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void settings.reload()}>
              {t('notify.retry')}
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );

  if (!draft || !view)
    return (
      <Card withBorder data-testid="notify-loading">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('notify.loading')}</Text>
        </Group>
      </Card>
    );

  const testChat = (chat: ChatDraft) =>
    void tests.run(chat.key, {
      channel: 'telegram',
      chatId: chat.chatId,
      ...(draft.telegram.token.trim() ? { token: draft.telegram.token } : {}),
      apiRoot: draft.telegram.apiRoot.trim() ? draft.telegram.apiRoot : null,
    });

  const testWebhook = (hook: WebhookDraft) => {
    const id = hook.id.trim();
    const secret = hook.secret.trim();
    // A secret marked for removal is not used for the test either.
    const withId = id !== '' && !(hook.removeSecret && !secret);
    void tests.run(hook.key, {
      channel: 'webhook',
      url: hook.url,
      ...(withId ? { id } : {}),
      ...(secret ? { secret } : {}),
    });
  };

  return (
    <Stack data-testid="notify-settings">
      <div>
        <Title order={3}>{t('notify.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('notify.help')}
        </Text>
      </div>
      <DesktopCard
        value={draft.desktop}
        onChange={(patch) => update((d) => ({ ...d, desktop: { ...d.desktop, ...patch } }))}
        paused={settings.paused}
        onPausedChange={(paused) => void settings.setPaused(paused)}
        test={tests.results.desktop}
        onTest={() => void tests.run('desktop', { channel: 'desktop' })}
      />
      <GroupingCard
        value={draft.groupWindowS}
        onChange={(groupWindowS) => update((d) => ({ ...d, groupWindowS }))}
        error={errorAt(issues, 'groupWindowS')}
      />
      <TelegramCard
        value={draft.telegram}
        onChange={(patch) => update((d) => ({ ...d, telegram: { ...d.telegram, ...patch } }))}
        onChats={(change) =>
          update((d) => ({ ...d, telegram: { ...d.telegram, chats: change(d.telegram.chats) } }))
        }
        tokenHint={view.telegramToken}
        towers={settings.towers}
        issues={issues}
        tests={tests.results}
        onTest={testChat}
      />
      <WebhooksCard
        value={draft.webhooks}
        onChange={(change) => update((d) => ({ ...d, webhooks: change(d.webhooks) }))}
        secretHints={view.webhookSecrets}
        towers={settings.towers}
        issues={issues}
        tests={tests.results}
        onTest={testWebhook}
      />
      <TemplatesCard
        value={draft.templates}
        onChange={(templates) => update((d) => ({ ...d, templates }))}
        issues={issues}
      />
      <Card
        withBorder
        shadow={settings.dirty ? 'md' : undefined}
        style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
        data-testid="notify-save-bar"
      >
        <Stack gap="sm">
          <IssuesAlert issues={issues} />
          <Group>
            <Button onClick={() => void settings.save()} loading={settings.saving} data-testid="notify-save">
              {t('notify.save')}
            </Button>
            <Button
              variant="default"
              onClick={settings.discard}
              disabled={!settings.dirty || settings.saving}
              data-testid="notify-discard"
            >
              {t('notify.discard')}
            </Button>
            {settings.dirty && (
              <Badge color="yellow" variant="light" data-testid="notify-dirty">
                {t('notify.unsaved')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Card>
      <DeliveryStatus />
    </Stack>
  );
}
