import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterStatus, PollerGroup } from '../../../shared/contract/cluster';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError } from '../shared/notify';
import { groupName } from '../settings/poller-group-name';

const REFRESH_MS = 5_000;

/** Which instance leads each poller group and since when (several workstations on one PostgreSQL). */
export function ClusterPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<ClusterStatus | null>(null);
  const [groups, setGroups] = useState<PollerGroup[]>([]);

  useEffect(() => {
    const load = () =>
      void Promise.all([
        getClient().invoke('cluster.status', undefined),
        getClient().invoke('cluster.groups.list', undefined),
      ]).then(([next, list]) => {
        setStatus(next);
        setGroups(list);
      }, notifyError);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  if (!status) return null;
  return (
    <Card withBorder data-testid="cluster-panel">
      <Stack gap="xs">
        <Title order={5}>{t('cluster.title')}</Title>
        <Text size="sm" c="dimmed" data-testid="cluster-self">
          {t('cluster.self', { label: status.self.label, id: status.self.instanceId })}
        </Text>
        {!status.enabled ? (
          <Text size="sm" data-testid="cluster-alone">
            {t('cluster.alone')}
          </Text>
        ) : (
          <Table striped data-testid="cluster-leaders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cluster.group')}</Table.Th>
                <Table.Th>{t('cluster.leader')}</Table.Th>
                <Table.Th>{t('cluster.since')}</Table.Th>
                <Table.Th>{t('cluster.term')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => {
                const leader = status.leaders.find((candidate) => candidate.groupId === group.id);
                const here = status.leading.includes(group.id);
                return (
                  <Table.Tr key={group.id} data-testid={`cluster-group-${group.id}`}>
                    <Table.Td>{groupName(group, t)}</Table.Td>
                    <Table.Td>
                      {leader ? (
                        <>
                          {leader.label}{' '}
                          <Text span c="dimmed" size="xs">
                            ({leader.instanceId.slice(0, 8)})
                          </Text>{' '}
                          {here && (
                            <Badge size="xs" variant="light">
                              {t('cluster.thisInstance')}
                            </Badge>
                          )}
                        </>
                      ) : (
                        <Text span c="orange" size="sm">
                          {t('cluster.noLeader')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{leader ? format.dateTime(leader.since) : '—'}</Table.Td>
                    <Table.Td>{leader ? leader.epoch : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
