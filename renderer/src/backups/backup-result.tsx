import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '../../../shared/contract/backup';
import { useSharedText } from '../i18n/use-shared-text';

/** A device's last result in words: OK, or the failure's reason with what the device showed. */
export function BackupResult({ row }: { row: BackupRow }) {
  const { t } = useTranslation();
  const shared = useSharedText();
  if (row.running) return <Badge variant="light">{t('backups.running')}</Badge>;
  if (!row.enabled)
    return (
      <Badge color="gray" variant="light">
        {t('backups.disabled')}
      </Badge>
    );
  if (row.lastRunAt === null)
    return (
      <Text c="dimmed" size="sm">
        {t('backups.never')}
      </Text>
    );
  if (!row.failure)
    return (
      <Badge color="green" variant="light">
        {t('backups.ok')}
      </Badge>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color="red" variant="light">
        {shared(`alarm.backup.code.${row.failure.code}`)}
      </Badge>
      {row.failure.detail && (
        <Tooltip label={row.failure.detail} multiline maw={420}>
          <Text size="xs" c="dimmed" truncate maw={240}>
            {row.failure.detail}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}
