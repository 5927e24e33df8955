import { Alert, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineHealth } from '../../../shared/contract/events';
import type { HealthVerdict } from '../../../shared/contract/observability';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError } from '../shared/notify';

const REFRESH_MS = 5_000;

/** The same verdict /health answers with, and the collectors and cycle behind it. */
export function HealthCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const [verdict, setVerdict] = useState<HealthVerdict | null>(null);
  const [health, setHealth] = useState<EngineHealth | null>(null);

  useEffect(() => {
    const read = () => {
      const client = getClient();
      void client.invoke('engine.verdict', undefined).then(setVerdict, notifyError);
      void client.invoke('engine.health', undefined).then(setHealth, notifyError);
    };
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('system.health')}</Text>
          {verdict && (
            <Badge color={verdict.ok ? 'green' : 'red'} data-testid="system-verdict">
              {verdict.ok ? t('system.healthy') : t('system.unhealthy')}
            </Badge>
          )}
        </Group>
        {verdict?.reasons.map((reason) => (
          <Alert key={`${reason.code}-${JSON.stringify(reason.params)}`} color="red">
            {t(`system.reasons.${reason.code}`, reason.params)}
          </Alert>
        ))}
        {health && (
          <>
            <Group gap="xl">
              <Text size="sm">
                {t('system.devicesMonitored')}: <b>{format.number(health.devicesMonitored)}</b>
              </Text>
              <Text size="sm">
                {t('system.lastCycle')}:{' '}
                <b>
                  {health.lastCycleAt === null || health.lastCycleMs === null
                    ? '—'
                    : t('system.lastCycleValue', {
                        ms: format.number(health.lastCycleMs),
                        ago: format.time(health.lastCycleAt),
                      })}
                </b>
              </Text>
            </Group>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('system.worker')}</Table.Th>
                  <Table.Th>{t('system.workerState')}</Table.Th>
                  <Table.Th>{t('system.restarts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {health.workers.map((worker) => (
                  <Table.Tr key={worker.name}>
                    <Table.Td>
                      {t(`system.workerNames.${worker.name}`, { defaultValue: worker.name })}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={worker.state === 'running' ? 'green' : 'orange'} variant="light">
                        {t(`system.workerStates.${worker.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{worker.restarts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('system.endpoints')}
        </Text>
      </Stack>
    </Card>
  );
}
