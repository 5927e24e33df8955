import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrapCounts } from '../../../shared/contract/traps';
import { useFormat } from '../i18n/format';

/** What the receiver counted since it started, the refused kinds marked when there are any. */
const COUNTERS = [
  ['received', null],
  ['mapped', null],
  ['logged', null],
  ['unknownSource', 'orange'],
  ['badCommunity', 'red'],
  ['badCredentials', 'red'],
  ['malformed', 'red'],
  ['rateLimited', 'orange'],
] as const satisfies readonly (readonly [keyof TrapCounts, string | null])[];

export function TrapCounters({ counts }: { counts: TrapCounts | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="trap-counters">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('traps.countersTitle')}</Text>
        {counts &&
          (counts.listening ? (
            <Badge color="green" variant="light" data-testid="trap-listening">
              {t('traps.listening', { port: counts.port })}
            </Badge>
          ) : (
            <Badge color="red" variant="light" data-testid="trap-listening">
              {t('traps.notListening', { port: counts.port ?? '—', error: counts.error ?? '' })}
            </Badge>
          ))}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4, lg: 8 }}>
        {COUNTERS.map(([key, alert]) => {
          const value = counts?.[key] ?? null;
          return (
            <div key={key} data-testid={`trap-count-${key}`}>
              <Text size="xs" c="dimmed">
                {t(`traps.count.${key}`)}
              </Text>
              <Text fw={700} c={alert && value ? alert : undefined}>
                {format.number(value)}
              </Text>
            </div>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
