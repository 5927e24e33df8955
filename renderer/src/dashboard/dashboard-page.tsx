import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../../shared/contract/entities';
import { deviceStates } from '../../../shared/contract/vocabulary';
import type { InterfaceNow } from '../../../shared/contract/snmp';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { countByState, sortAlarms } from '../live/derive';
import { useLive } from '../live/use-live';
import { SeverityBadge, stateColor } from '../shared/state-badge';
import { navigate } from '../app/router';
import { useAlarmText } from '../alarms/use-alarm-text';
import { BackupCard } from '../backups/backup-card';
import { StoreConditionText } from './store-condition';
import { RecentChangesCard } from './recent-changes';
import { useSharedText } from '../i18n/use-shared-text';

function StateCounts({ counts, total }: { counts: Record<DeviceState, number>; total: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }}>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          {t('dashboard.devices')}
        </Text>
        <Text fw={700} size="xl" data-testid="device-count">
          {total}
        </Text>
      </Card>
      {deviceStates.map((state) => (
        <Card
          key={state}
          withBorder
          padding="sm"
          style={{ borderLeft: `4px solid var(--mantine-color-${stateColor[state]}-6)` }}
        >
          <Text size="xs" c="dimmed">
            {t(`state.${state}`)}
          </Text>
          <Text fw={700} size="xl" data-testid={`count-${state}`}>
            {counts[state]}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const alarmText = useAlarmText();
  const sharedText = useSharedText();
  const format = useFormat();
  const { store, version } = useLive();
  const [interfaces, setInterfaces] = useState<InterfaceNow[]>([]);

  useEffect(() => {
    const load = () =>
      void getClient()
        .invoke('snmp.topInterfaces', { limit: 8 })
        .then(setInterfaces, () => undefined);
    load();
    const timer = window.setInterval(load, 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const view = useMemo(() => {
    const statuses = [...store.statuses.values()];
    const name = (id: number) => store.devices.get(id)?.name ?? `#${id}`;
    return {
      counts: countByState(statuses, store.devices.size),
      alarms: sortAlarms([...store.alarms.values()].filter((alarm) => alarm.state === 'active')).slice(0, 12),
      worstLatency: statuses
        .filter((s) => s.rttMs !== null)
        .sort((a, b) => b.rttMs! - a.rttMs!)
        .slice(0, 6),
      // Loss of devices still answering: the silent ones are already counted as down or unreachable.
      worstLoss: statuses
        .filter(
          (s) => (s.lossPct ?? 0) > 0 && s.lossPct! < 100 && (s.state === 'up' || s.state === 'degraded'),
        )
        .sort((a, b) => b.lossPct! - a.lossPct!)
        .slice(0, 6),
      name,
    };
    // version is the store's change counter: recompute whenever the network changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version]);
  const health = store.health;

  return (
    <Stack>
      <StateCounts counts={view.counts} total={store.devices.size} />
      <BackupCard />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('dashboard.activeAlarms')} (
            {[...store.alarms.values()].filter((a) => a.state === 'active').length})
          </Title>
          {view.alarms.length === 0 ? (
            <Text c="dimmed">{t('dashboard.noAlarms')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="dashboard-alarms">
              <Table.Tbody>
                {view.alarms.map((alarm) => (
                  <Table.Tr
                    key={alarm.id}
                    onClick={() => alarm.deviceId && navigate(`devices/${alarm.deviceId}`)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                      <SeverityBadge severity={alarm.severity} />
                    </Table.Td>
                    <Table.Td>{alarmText(alarm)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                      {alarm.affected > 1 ? <Badge variant="outline">{alarm.affected}</Badge> : null}
                    </Table.Td>
                    <Table.Td c="dimmed">{format.time(alarm.raisedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <RecentChangesCard store={store} version={version} />
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('dashboard.worstLatency')} / {t('dashboard.worstLoss')}
          </Title>
          <Table>
            <Table.Tbody>
              {view.worstLatency.map((status) => (
                <Table.Tr key={`rtt-${status.deviceId}`}>
                  <Table.Td>{view.name(status.deviceId)}</Table.Td>
                  <Table.Td>{format.number(status.rttMs, ' ms')}</Table.Td>
                </Table.Tr>
              ))}
              {view.worstLoss.map((status) => (
                <Table.Tr key={`loss-${status.deviceId}`}>
                  <Table.Td>{view.name(status.deviceId)}</Table.Td>
                  <Table.Td>{format.number(status.lossPct, ' %')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('dashboard.engine')}
          </Title>
          <Group gap="xl">
            <Text size="sm">
              {t('dashboard.lastCycle')}:{' '}
              <b data-testid="last-cycle" data-at={health?.lastCycleAt ?? ''}>
                {format.time(health?.lastCycleAt)}
              </b>
            </Text>
            <Text size="sm">
              {t('dashboard.cycleTime')}: <b>{format.number(health?.lastCycleMs, ' ms')}</b>
            </Text>
            <Text size="sm">
              {t('dashboard.interval')}:{' '}
              <b data-testid="cycle-interval" data-ms={health?.intervalMs ?? ''}>
                {health ? format.duration(health.intervalMs) : '—'}
              </b>
            </Text>
            <Text size="sm">
              {t('dashboard.monitored')}: <b>{health?.devicesMonitored ?? '—'}</b>
            </Text>
            <Text size="sm">
              {t('dashboard.icmpMode')}:{' '}
              <b>{store.info ? sharedText(`engine.icmpMode.${store.info.icmpMode}`) : '—'}</b>
            </Text>
            <Text size="sm">
              {t('dashboard.store')}:{' '}
              <StoreConditionText condition={health?.store} dialect={store.info?.dialect ?? ''} />
            </Text>
          </Group>
          {store.info?.icmpNote && (
            <Text size="sm" c="yellow" mt="xs">
              {sharedText(`engine.icmpNote.${store.info.icmpNote}`)}
            </Text>
          )}
          <Group mt="sm" gap="xs">
            {health?.workers.map((worker) => (
              <Badge
                key={worker.name}
                color={worker.state === 'running' ? 'green' : 'orange'}
                variant="light"
              >
                {t(`system.workerNames.${worker.name}`, { defaultValue: worker.name })}:{' '}
                {t(`system.workerStates.${worker.state}`)}
                {worker.restarts > 0 ? ` (${worker.restarts}↻)` : ''}
              </Badge>
            ))}
          </Group>
          <Title order={6} mt="md" mb={4}>
            {t('dashboard.topInterfaces')}
          </Title>
          {interfaces.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noInterfaces')}
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {interfaces.map((row) => (
                  <Table.Tr key={`${row.deviceId}-${row.index}`}>
                    <Table.Td>{view.name(row.deviceId)}</Table.Td>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td>{format.number(row.utilizationPct, ' %')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
