import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotifyLanguage, SecretHint } from '../../../../shared/contract/notify';
import { newChat, type ChatDraft, type NotifyDraft } from './draft';
import { errorAt, type FormIssue } from './issues';
import { SecretField } from './secret-field';
import { TelegramChatRow } from './telegram-chat-row';
import type { TestState } from './use-notify-test';
import type { TowerOption } from './use-notify-settings';

type Telegram = NotifyDraft['telegram'];

/** The bot (token, optional self-hosted API, rate) and the chats it writes to. */
export function TelegramCard({
  value,
  onChange,
  onChats,
  tokenHint,
  towers,
  issues,
  tests,
  onTest,
}: {
  value: Telegram;
  onChange: (patch: Partial<Telegram>) => void;
  /** Chat edits as functions of the current list, so edits in one event never overwrite each other. */
  onChats: (change: (chats: ChatDraft[]) => ChatDraft[]) => void;
  tokenHint: SecretHint | undefined;
  towers: TowerOption[];
  issues: FormIssue[];
  tests: Record<string, TestState>;
  onTest: (chat: ChatDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const hasToken = value.token.trim() !== '' || (tokenHint?.set === true && !value.removeToken);
  const updateChat = (index: number, patch: Partial<ChatDraft>) =>
    onChats((chats) => chats.map((chat, i) => (i === index ? { ...chat, ...patch } : chat)));
  return (
    <Card withBorder data-testid="notify-telegram">
      <Stack>
        <Group justify="space-between">
          <Title order={5}>Telegram</Title>
          <Switch
            label={t('notify.enabled')}
            checked={value.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
            data-testid="telegram-enabled"
          />
        </Group>
        <SecretField
          label={t('notify.field.token')}
          description={t('notify.telegram.tokenHelp')}
          hint={tokenHint}
          value={value.token}
          removing={value.removeToken}
          onChange={(next) => onChange({ token: next.value, removeToken: next.removing })}
          error={errorAt(issues, 'telegram.token')}
          testId="telegram-token"
          removeLabel={t('notify.telegram.removeToken')}
        />
        {value.enabled && !hasToken && (
          <Alert color="orange" data-testid="telegram-no-token">
            {t('notify.telegram.noToken')}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('notify.field.apiRoot')}
            description={t('notify.telegram.apiRootHelp')}
            placeholder="https://api.telegram.org"
            value={value.apiRoot}
            onChange={(e) => onChange({ apiRoot: e.currentTarget.value })}
            error={errorAt(issues, 'telegram.apiRoot')}
            spellCheck={false}
            data-testid="telegram-api-root"
          />
          <NumberInput
            label={t('notify.field.perChatPerMinute')}
            description={t('notify.telegram.rateHelp')}
            min={1}
            max={20}
            clampBehavior="strict"
            allowDecimal={false}
            value={value.perChatPerMinute}
            onChange={(perChatPerMinute) => onChange({ perChatPerMinute })}
            error={errorAt(issues, 'telegram.perChatPerMinute')}
            data-testid="telegram-rate"
          />
        </Group>
        <Group justify="space-between">
          <Title order={6}>{t('notify.telegram.chats')}</Title>
          <Button
            size="xs"
            variant="light"
            onClick={() => onChats((chats) => [...chats, newChat(i18n.language as NotifyLanguage)])}
            disabled={value.chats.length >= 50}
            data-testid="telegram-add-chat"
          >
            {t('notify.telegram.addChat')}
          </Button>
        </Group>
        {value.chats.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notify.telegram.noChats')}
          </Text>
        ) : (
          value.chats.map((chat, index) => (
            <TelegramChatRow
              key={chat.key}
              chat={chat}
              index={index}
              onChange={(patch) => updateChat(index, patch)}
              onRemove={() => onChats((chats) => chats.filter((_, i) => i !== index))}
              onTest={() => onTest(chat)}
              test={tests[chat.key]}
              towers={towers}
              issues={issues}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
