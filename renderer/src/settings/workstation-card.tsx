import { Button, Card, Group, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiSettings } from '../../../shared/contract/settings';
import type { Language } from '../../../shared/i18n/language';
import { getClient } from '../client';
import { GroupHeading } from './group-heading';
import { errorIssues } from '../client/client-error';
import { notifyError, notifyOk } from '../shared/notify';
import { operatorName } from '../shared/operator';
import { errorsByField } from './group-draft';

/**
 * Who is at this workstation and how the app looks: stored like every setting, so the tray, the
 * app menu, notifications and Telegram speak the same language. Language and theme apply at once.
 */
export function WorkstationCard({ ui }: { ui: UiSettings }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState(ui.operator);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setOperator(ui.operator), [ui.operator]);

  const save = async (patch: Partial<UiSettings>, confirm?: string) => {
    try {
      await getClient().invoke('settings.ui.set', { value: patch, by: operatorName() });
      setError(undefined);
      if (confirm) notifyOk(confirm);
    } catch (failure) {
      const issues = errorsByField(errorIssues(failure));
      if (issues.operator) setError(issues.operator);
      else notifyError(failure);
    }
  };

  return (
    <Card withBorder data-testid="settings-ui">
      <Stack>
        <GroupHeading group="ui" />
        <Group align="flex-end">
          <TextInput
            label={t('settings.operator')}
            description={t('settings.operatorHelp')}
            value={operator}
            error={error}
            onChange={(event) => (setOperator(event.currentTarget.value), setError(undefined))}
            data-testid="ui-operator"
            w={320}
          />
          <Button
            variant="default"
            disabled={operator.trim() === ui.operator}
            onClick={() => void save({ operator }, t('settings.operatorSaved'))}
          >
            {t('settings.save')}
          </Button>
        </Group>
        <div>
          <Title order={6}>{t('settings.language')}</Title>
          <SegmentedControl
            data-testid="language-switch"
            value={ui.language}
            onChange={(value) => void save({ language: value as Language })}
            data={[
              { value: 'pt-BR', label: 'Português (Brasil)' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
        <div>
          <Title order={6}>{t('settings.theme')}</Title>
          <SegmentedControl
            value={ui.theme}
            onChange={(value) => void save({ theme: value as UiSettings['theme'] })}
            data={[
              { value: 'dark', label: t('settings.dark') },
              { value: 'light', label: t('settings.light') },
            ]}
          />
        </div>
      </Stack>
    </Card>
  );
}
