import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupCounts as Counts } from '../../../shared/contract/backup';

const tiles = [
  ['configured', 'blue'],
  ['failing', 'red'],
  ['stale', 'orange'],
  ['weak', 'yellow'],
] as const;

/** The four numbers an operator checks first: how many are backed up, failing, stale, weak. */
export function BackupCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const value = {
    configured: counts.configured,
    failing: counts.failing,
    stale: counts.stale,
    weak: counts.weakCrypto,
  };
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {tiles.map(([key, color]) => (
        <Card
          key={key}
          withBorder
          padding="sm"
          style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
        >
          <Text size="xs" c="dimmed">
            {t(`backups.${key}`)}
          </Text>
          <Text fw={700} size="xl" data-testid={`backup-count-${key}`}>
            {value[key]}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
