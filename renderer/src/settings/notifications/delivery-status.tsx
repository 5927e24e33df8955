import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyStatus } from '../../../../shared/contract/notify';
import { getClient } from '../../client';
import { errorMessage } from '../../client/client-error';
import { useFormat } from '../../i18n/format';

const REFRESH_MS = 15_000;

const breakerColor: Record<NotifyStatus['destinations'][number]['breaker'], string> = {
  closed: 'green',
  'half-open': 'yellow',
  open: 'red',
};

function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** The outbox as it stands: what waits, what gave up and why, and each destination's breaker. */
export function DeliveryStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<NotifyStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setStatus(await getClient().invoke('notify.status', undefined));
      setError(null);
      setUpdatedAt(Date.now());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const channelName = (channel: string) => t(`notify.status.channel.${channel}`, { defaultValue: channel });

  return (
    <Card withBorder data-testid="notify-status">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={5}>{t('notify.status.title')}</Title>
            <Text size="xs" c="dimmed">
              {updatedAt
                ? t('notify.status.updated', { time: format.time(updatedAt) })
                : t('notify.status.autoRefresh')}
            </Text>
          </div>
          <Button
            size="xs"
            variant="light"
            loading={loading}
            onClick={() => void refresh()}
            data-testid="notify-status-refresh"
          >
            {t('notify.status.refresh')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" data-testid="notify-status-error">
            {error}
          </Alert>
        )}
        {status && (
          <>
            <SimpleGrid cols={3} spacing="xs">
              <Figure
                label={t('notify.status.pending')}
                value={status.pending}
                color={status.pending > 0 ? 'yellow' : undefined}
                testId="notify-status-pending"
              />
              <Figure
                label={t('notify.status.failed')}
                value={status.failed}
                color={status.failed > 0 ? 'red' : undefined}
                testId="notify-status-failed"
              />
              <Figure
                label={t('notify.status.sentLastHour')}
                value={status.sentLastHour}
                testId="notify-status-sent"
              />
            </SimpleGrid>
            <Title order={6}>{t('notify.status.destinations')}</Title>
            {status.destinations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('notify.status.noDestinations')}
              </Text>
            ) : (
              <Table striped withTableBorder fz="sm" data-testid="notify-status-destinations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('notify.status.channel.title')}</Table.Th>
                    <Table.Th>{t('notify.status.destination')}</Table.Th>
                    <Table.Th>{t('notify.status.breaker')}</Table.Th>
                    <Table.Th>{t('notify.status.lastError')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.destinations.map((row) => (
                    <Table.Tr
                      key={`${row.channel}:${row.destination}`}
                      data-testid="notify-status-destination"
                    >
                      <Table.Td>{channelName(row.channel)}</Table.Td>
                      <Table.Td>{row.destination}</Table.Td>
                      <Table.Td>
                        <Badge color={breakerColor[row.breaker]} variant="light" data-breaker={row.breaker}>
                          {t(`notify.status.breakerState.${row.breaker}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }} c={row.lastError ? 'red' : 'dimmed'}>
                        {row.lastError ?? '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={6}>{t('notify.status.recentFailures')}</Title>
            {status.recentFailures.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('notify.status.noFailures')}
              </Text>
            ) : (
              <Table striped withTableBorder fz="sm" data-testid="notify-status-failures">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('notify.status.when')}</Table.Th>
                    <Table.Th>{t('notify.status.channel.title')}</Table.Th>
                    <Table.Th>{t('notify.status.destination')}</Table.Th>
                    <Table.Th>{t('notify.status.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.recentFailures.map((row, index) => (
                    <Table.Tr key={`${row.createdAt}:${row.channel}:${row.destination}:${index}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(row.createdAt)}</Table.Td>
                      <Table.Td>{channelName(row.channel)}</Table.Td>
                      <Table.Td>{row.destination}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{row.error ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
