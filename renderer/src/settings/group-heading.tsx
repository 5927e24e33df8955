import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsGroup } from '../../../shared/contract/settings';

/** A settings card's title and what the group is for. */
export function GroupHeading({ group }: { group: Exclude<SettingsGroup, 'notifications'> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={5}>{t(`settings.group.${group}`)}</Title>
      <Text size="sm" c="dimmed">
        {t(`settings.groupHelp.${group}`)}
      </Text>
    </div>
  );
}
