import { Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRange } from '../../../shared/contract/common';
import type { SyntheticCheck, SyntheticResult } from '../../../shared/contract/synthetic';
import { getClient } from '../client';
import { TimeChart } from '../shared/time-chart';
import { notifyError } from '../shared/notify';

const PHASES = [
  { key: 'totalMs', color: '#228be6' },
  { key: 'dnsMs', color: '#be4bdb' },
  { key: 'connectMs', color: '#12b886' },
  { key: 'tlsMs', color: '#fab005' },
  { key: 'firstByteMs', color: '#fd7e14' },
] as const;

/** A check's timings over time, phase by phase; a failed run leaves a gap in the line. */
export function SyntheticChart({ check }: { check: SyntheticCheck }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<HistoryRange>('24h');
  const [results, setResults] = useState<SyntheticResult[]>([]);

  useEffect(() => {
    void getClient().invoke('synthetic.results', { checkId: check.id, range }).then(setResults, notifyError);
  }, [check.id, check.last?.at, range]);

  const data = results.map((result) => ({ ...result, totalMs: result.ok ? result.totalMs : null }));
  const failures = results.filter((result) => !result.ok).length;
  const phases = PHASES.filter(({ key }) => results.some((result) => result[key] !== null));
  return (
    <Card withBorder data-testid="synthetic-chart">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('synthetic.chartTitle', { name: check.name })}</Text>
        <Group gap="sm">
          <Text size="sm" c={failures > 0 ? 'red' : 'dimmed'}>
            {t('synthetic.failuresInRange', { count: failures })}
          </Text>
          <SegmentedControl
            size="xs"
            value={range}
            onChange={(value) => setRange(value as HistoryRange)}
            data={['1h', '24h', '7d', '30d']}
            aria-label={t('synthetic.range')}
          />
        </Group>
      </Group>
      {results.length === 0 ? (
        <Text c="dimmed">{t('synthetic.noResults')}</Text>
      ) : (
        <TimeChart
          data={data}
          height={260}
          unit=" ms"
          series={phases.map(({ key, color }) => ({ key, color, name: t(`synthetic.phases.${key}`) }))}
        />
      )}
    </Card>
  );
}
