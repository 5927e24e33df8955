import { Paper, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatDraft } from './draft';
import { errorAt, type FormIssue } from './issues';
import { LanguageSelect } from './language-select';
import { RoutingFields } from './routing-fields';
import { RowActions } from './row-actions';
import type { TestState } from './use-notify-test';
import type { TowerOption } from './use-notify-settings';

/** One Telegram chat: where it is, what it receives, whether its members may act from it. */
export function TelegramChatRow({
  chat,
  index,
  onChange,
  onRemove,
  onTest,
  test,
  towers,
  issues,
}: {
  chat: ChatDraft;
  index: number;
  onChange: (patch: Partial<ChatDraft>) => void;
  onRemove: () => void;
  onTest: () => void;
  test: TestState | undefined;
  towers: TowerOption[];
  issues: FormIssue[];
}) {
  const { t } = useTranslation();
  const at = (field: string) => errorAt(issues, `telegram.chats.${index}.${field}`);
  return (
    <Paper withBorder p="sm" data-testid="telegram-chat-row">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label={t('notify.field.chatId')}
            description={t('notify.telegram.chatIdHelp')}
            placeholder="-1001234567890"
            value={chat.chatId}
            onChange={(e) => onChange({ chatId: e.currentTarget.value })}
            error={at('chatId')}
            spellCheck={false}
            data-testid="telegram-chat-id"
          />
          <TextInput
            label={t('notify.field.name')}
            description={t('notify.telegram.nameHelp')}
            placeholder={t('notify.telegram.namePlaceholder')}
            value={chat.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={at('name')}
            data-testid="telegram-chat-name"
          />
          <LanguageSelect
            value={chat.language}
            onChange={(language) => onChange({ language })}
            testId="telegram-chat-language"
          />
        </SimpleGrid>
        <RoutingFields
          value={chat}
          onChange={onChange}
          towers={towers}
          errors={{ severities: at('severities'), towerIds: at('towerIds') }}
          testId="telegram-chat"
        />
        <Switch
          label={t('notify.field.commands')}
          description={t('notify.telegram.commandsHelp')}
          checked={chat.commands}
          onChange={(e) => onChange({ commands: e.currentTarget.checked })}
          data-testid="telegram-chat-commands"
        />
        <RowActions
          channel="telegram"
          testId="telegram-chat"
          removeLabel={t('notify.telegram.removeChat')}
          onTest={onTest}
          onRemove={onRemove}
          test={test}
        />
      </Stack>
    </Paper>
  );
}
