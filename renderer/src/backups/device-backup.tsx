import { Anchor, Card, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '../../../shared/contract/backup';
import { navigate } from '../app/router';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { BackupResult } from './backup-result';

/** The device page's line about its last configuration backup. */
export function DeviceBackup({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [row, setRow] = useState<BackupRow | null | undefined>(undefined);
  useEffect(() => {
    void getClient()
      .invoke('backup.overview', undefined)
      .then(
        (overview) => setRow(overview.rows.find((candidate) => candidate.deviceId === deviceId) ?? null),
        () => setRow(null),
      );
  }, [deviceId]);
  if (row === undefined) return null;
  return (
    <Card withBorder padding="sm" data-testid="device-backup">
      <Group justify="space-between">
        <Text fw={500}>{t('backups.device.title')}</Text>
        {row ? (
          <Group gap="md">
            <BackupResult row={row} />
            <Text size="sm">{t('backups.device.last', { when: format.dateTime(row.lastOkAt) })}</Text>
            <Anchor size="sm" onClick={() => navigate(`backups?device=${deviceId}`)}>
              {t('backups.device.versions', { count: row.versions })}
            </Anchor>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('backups.device.none')}
          </Text>
        )}
      </Group>
    </Card>
  );
}
