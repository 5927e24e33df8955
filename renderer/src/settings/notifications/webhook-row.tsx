import { Alert, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SecretHint } from '../../../../shared/contract/notify';
import type { WebhookDraft } from './draft';
import { errorAt, type FormIssue } from './issues';
import { LanguageSelect } from './language-select';
import { RoutingFields } from './routing-fields';
import { SecretField } from './secret-field';
import { RowActions } from './row-actions';
import type { TestState } from './use-notify-test';
import type { TowerOption } from './use-notify-settings';

/** One webhook: its id and URL, what it receives, and the secret its requests are signed with. */
export function WebhookRow({
  hook,
  index,
  secretHints,
  onChange,
  onRemove,
  onTest,
  test,
  towers,
  issues,
}: {
  hook: WebhookDraft;
  index: number;
  secretHints: Record<string, SecretHint>;
  onChange: (patch: Partial<WebhookDraft>) => void;
  onRemove: () => void;
  onTest: () => void;
  test: TestState | undefined;
  towers: TowerOption[];
  issues: FormIssue[];
}) {
  const { t } = useTranslation();
  const at = (field: string) => errorAt(issues, `webhooks.${index}.${field}`);
  const secretHint = secretHints[hook.id.trim()];
  const typed = hook.secret.trim() !== '';
  // Secrets are kept per id: a renamed webhook leaves its stored secret behind.
  const renamed =
    hook.originalId !== null &&
    hook.id.trim() !== hook.originalId &&
    secretHints[hook.originalId]?.set === true &&
    !typed;
  const noSecret = !typed && !renamed && (secretHint?.set !== true || hook.removeSecret);
  return (
    <Paper withBorder p="sm" data-testid="webhook-row">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label={t('notify.field.id')}
            description={t('notify.webhooks.idHelp')}
            placeholder="noc-principal"
            value={hook.id}
            onChange={(e) => onChange({ id: e.currentTarget.value })}
            error={at('id')}
            spellCheck={false}
            data-testid="webhook-id"
          />
          <TextInput
            label={t('notify.field.name')}
            placeholder={t('notify.webhooks.namePlaceholder')}
            value={hook.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={at('name')}
            data-testid="webhook-name"
          />
          <LanguageSelect
            value={hook.language}
            onChange={(language) => onChange({ language })}
            testId="webhook-language"
          />
        </SimpleGrid>
        <TextInput
          label={t('notify.field.url')}
          description={t('notify.webhooks.urlHelp')}
          placeholder="https://chat.example.net/hooks/vigia"
          value={hook.url}
          onChange={(e) => onChange({ url: e.currentTarget.value })}
          error={at('url')}
          spellCheck={false}
          data-testid="webhook-url"
        />
        <SecretField
          label={t('notify.field.secret')}
          description={t('notify.webhooks.secretHelp')}
          hint={secretHint}
          value={hook.secret}
          removing={hook.removeSecret}
          onChange={(next) => onChange({ secret: next.value, removeSecret: next.removing })}
          error={at('secret')}
          testId="webhook-secret"
          removeLabel={t('notify.webhooks.removeSecret')}
        />
        {renamed && (
          <Alert color="orange" p="xs" data-testid="webhook-renamed-secret">
            {t('notify.webhooks.renamedSecret')}
          </Alert>
        )}
        {noSecret && (
          <Alert color="orange" p="xs" data-testid="webhook-no-secret">
            {t('notify.webhooks.noSecret')}
          </Alert>
        )}
        <RoutingFields
          value={hook}
          onChange={onChange}
          towers={towers}
          errors={{ severities: at('severities'), towerIds: at('towerIds') }}
          testId="webhook"
        />
        <RowActions
          channel="webhook"
          testId="webhook"
          removeLabel={t('notify.webhooks.remove')}
          onTest={onTest}
          onRemove={onRemove}
          test={test}
        />
      </Stack>
    </Paper>
  );
}
