import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrapCounts } from '../../../shared/contract/traps';
import { CounterGrid } from '../shared/counter-grid';

/** What the receiver counted since it started, the refused kinds marked when there are any. */
const COUNTERS = [
  ['received', null],
  ['mapped', null],
  ['logged', null],
  ['elsewhere', null],
  ['unknownSource', 'orange'],
  ['badCommunity', 'red'],
  ['badCredentials', 'red'],
  ['malformed', 'red'],
  ['rateLimited', 'orange'],
] as const satisfies readonly (readonly [keyof TrapCounts, string | null])[];

export function TrapCounters({ counts }: { counts: TrapCounts | null }) {
  const { t } = useTranslation();
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
      <CounterGrid
        testId="trap-count"
        counters={COUNTERS.map(([key, alert]) => ({
          key,
          label: t(`traps.count.${key}`),
          value: counts?.[key] ?? null,
          alert,
        }))}
      />
    </Paper>
  );
}
