import { Card, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCounts } from '../../../shared/contract/backup';
import { navigate } from '../app/router';
import { getClient } from '../client';

const REFRESH_MS = 60_000;

/** The dashboard's backup tile: devices whose backup fails, and those without one for over a day. */
export function BackupCard() {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<BackupCounts | null>(null);
  useEffect(() => {
    const load = () =>
      void getClient()
        .invoke('backup.overview', undefined)
        .then(
          (overview) => setCounts(overview.counts),
          () => undefined,
        );
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  if (!counts || counts.configured === 0) return null;
  return (
    <Card
      withBorder
      padding="sm"
      style={{ cursor: 'pointer' }}
      onClick={() => navigate('backups')}
      data-testid="backup-card"
    >
      <Text size="xs" c="dimmed">
        {t('backups.card.title')}
      </Text>
      <Group gap="lg">
        <Text fw={700} c={counts.failing > 0 ? 'red' : undefined} data-testid="backup-card-failing">
          {counts.failing} {t('backups.card.failing')}
        </Text>
        <Text fw={700} c={counts.stale > 0 ? 'orange' : undefined} data-testid="backup-card-stale">
          {counts.stale} {t('backups.card.stale')}
        </Text>
      </Group>
    </Card>
  );
}
