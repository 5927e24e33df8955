import { Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRange } from '../../../shared/contract/common';
import type { HealthSample } from '../../../shared/contract/self-health';
import { getClient } from '../client';
import { notifyError } from '../shared/notify';
import { ClusterPanel } from './cluster-panel';
import { HealthChart } from './health-chart';

const REFRESH_MS = 30_000;

/** Vigia watching itself: its own pace, queues, store latency, restarts and memory over time. */
export function HealthPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<HistoryRange>('1h');
  const [samples, setSamples] = useState<HealthSample[] | null>(null);

  useEffect(() => {
    const load = () => void getClient().invoke('health.history', { range }).then(setSamples, notifyError);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [range]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('health.title')}</Title>
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(value) => setRange(value as HistoryRange)}
          data={['1h', '24h', '7d']}
          aria-label={t('health.range')}
        />
      </Group>
      <Text c="dimmed" size="sm">
        {t('health.intro')}
      </Text>
      <ClusterPanel />
      {samples !== null && samples.length === 0 ? (
        <Text c="dimmed" data-testid="health-empty">
          {t('health.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <HealthChart
            testId="health-cycle"
            title={t('health.cycle')}
            samples={samples ?? []}
            series={[{ key: 'cycleMs', color: '#228be6' }]}
          />
          <HealthChart
            testId="health-pace"
            title={t('health.pace')}
            samples={samples ?? []}
            series={[{ key: 'devicesPerS', color: '#12b886' }]}
          />
          <HealthChart
            testId="health-queues"
            title={t('health.queues')}
            samples={samples ?? []}
            series={[
              { key: 'writerQueue', color: '#fab005' },
              { key: 'outboxBacklog', color: '#fd7e14' },
            ]}
          />
          <HealthChart
            testId="health-store"
            title={t('health.store')}
            samples={samples ?? []}
            series={[{ key: 'storeWriteMs', color: '#be4bdb' }]}
          />
          <HealthChart
            testId="health-restarts"
            title={t('health.restarts')}
            samples={samples ?? []}
            series={[{ key: 'workerRestarts', color: '#fa5252' }]}
          />
          <HealthChart
            testId="health-memory"
            title={t('health.memory')}
            samples={samples ?? []}
            series={[{ key: 'rssMb', color: '#868e96' }]}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
