import { Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopologyView } from '../../../shared/contract/topology';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useLiveValue } from '../live/use-live';
import { CounterGrid } from '../shared/counter-grid';
import { notifyError, notifyOk } from '../shared/notify';
import { ProposalsTable, type ProposalKey } from './proposals-table';
import { TopologyTree } from './topology-tree';

/**
 * The dependency tree as configured, where the devices' neighbour tables (LLDP, CDP, MikroTik
 * MNDP) disagree with it, and the parent links they suggest for the operator to accept or reject.
 */
export function TopologyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const devices = useLiveValue((store) => store.devices);
  const inventoryVersion = useLiveValue((store) => store.inventoryVersion);
  const [view, setView] = useState<TopologyView | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    () => void getClient().invoke('topology.view', {}).then(setView, notifyError),
    [],
  );
  useEffect(refresh, [refresh]);

  const discover = async () => {
    setBusy(true);
    try {
      setView(await getClient().invoke('topology.discover', {}));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const decide = async (keys: ProposalKey[], decision: 'accept' | 'reject') => {
    if (!window.confirm(t(`topology.confirm.${decision}`, { count: keys.length }))) return;
    try {
      const result = await getClient().invoke('topology.decide', { proposals: keys, decision });
      if (result.done > 0) notifyOk(t(`topology.done.${decision}`, { count: result.done }));
      for (const failure of result.failed)
        notifyError(
          new Error(
            t('topology.failed', {
              child: devices.get(failure.childId)?.name ?? `#${failure.childId}`,
              reason: failure.reason,
            }),
          ),
        );
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const discovered = useMemo(
    () => new Map((view?.discoveredParents ?? []).map(({ childId, parentId }) => [childId, parentId])),
    [view],
  );
  const name = (id: number) => devices.get(id)?.name ?? `#${id}`;
  const counters = view
    ? ([
        ['read', view.read, null],
        ['agreeing', view.agreeing, null],
        ['disagreeing', view.proposals.filter((p) => p.state === 'proposed').length, 'blue'],
        ['unknown', view.unknown.length, 'orange'],
        ['ambiguous', view.ambiguous.length, 'orange'],
        ['undecided', view.undecided.length + view.severalParents.length, null],
        ['loops', view.loops.length, 'red'],
        ['unread', view.unread.length, 'red'],
      ] as const)
    : [];
  const unmatched = [
    ...(view?.unknown ?? []).map((entry) => ({ ...entry, why: t('topology.notInInventory') })),
    ...(view?.ambiguous ?? []).map((entry) => ({
      ...entry,
      why: t('topology.ambiguousWith', { devices: entry.candidates.map(name).join(', ') }),
    })),
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('topology.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('topology.intro')}
          </Text>
        </div>
        <Group>
          <Text size="sm" c="dimmed" data-testid="topology-discovered-at">
            {view?.discoveredAt
              ? t('topology.lastRun', { at: format.dateTime(view.discoveredAt) })
              : t('topology.neverRun')}
          </Text>
          <Button loading={busy} onClick={() => void discover()} data-testid="topology-discover">
            {t('topology.discover')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <CounterGrid
          testId="topology-count"
          counters={counters.map(([key, value, alert]) => ({
            key,
            label: t(`topology.count.${key}`),
            value,
            alert,
          }))}
        />
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Title order={5}>{t('topology.proposals')}</Title>
            {view && (
              <ProposalsTable
                proposals={view.proposals}
                devices={devices}
                onDecide={(keys, d) => void decide(keys, d)}
              />
            )}
            {unmatched.length > 0 && (
              <>
                <Title order={5}>{t('topology.unmatched')}</Title>
                <Table data-testid="topology-unmatched">
                  <Table.Tbody>
                    {unmatched.map(({ observerId, neighbour, why }, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          {t('topology.seenBy', {
                            observer: name(observerId),
                            protocol: t(`topology.protocol.${neighbour.protocol}`),
                            port: neighbour.localPort,
                          })}
                        </Table.Td>
                        <Table.Td>
                          {[neighbour.name, neighbour.address, neighbour.chassisId]
                            .filter(Boolean)
                            .join(' · ')}
                        </Table.Td>
                        <Table.Td>{why}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {(view?.unread.length ?? 0) > 0 && (
              <Text size="sm" c="red" data-testid="topology-unread">
                {view!.unread.map(({ deviceId, error }) => `${name(deviceId)}: ${error}`).join(' · ')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Title order={5} mb="xs">
            {t('topology.tree')}
          </Title>
          <Paper withBorder p="xs" mah={720} style={{ overflow: 'auto' }}>
            <TopologyTree devices={devices} inventoryVersion={inventoryVersion} discovered={discovered} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
