import { Badge, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../shared/contract/entities';
import type { ParentLinkProposal, ProposalState } from '../../../shared/contract/topology';
import { useFormat } from '../i18n/format';

export type ProposalKey = Pick<ParentLinkProposal, 'childId' | 'parentId'>;
const keyOf = (proposal: ProposalKey) => `${proposal.childId}>${proposal.parentId}`;
const STATE_COLOR: Record<ProposalState, string> = { proposed: 'blue', accepted: 'green', rejected: 'gray' };

/** The proposals, one sentence each, decided one by one or the ticked ones together. */
export function ProposalsTable({
  proposals,
  devices,
  onDecide,
}: {
  proposals: ParentLinkProposal[];
  devices: Map<number, Device>;
  onDecide: (keys: ProposalKey[], decision: 'accept' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<ProposalState>('proposed');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const shown = proposals.filter((proposal) => proposal.state === state);
  const name = (id: number | null) =>
    id === null ? t('topology.noParent') : (devices.get(id)?.name ?? `#${id}`);
  const chosen = shown.filter((proposal) => ticked.has(keyOf(proposal)));
  const decide = (keys: ProposalKey[], decision: 'accept' | 'reject') => {
    onDecide(keys, decision);
    setTicked(new Set());
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          value={state}
          onChange={(value) => {
            setState(value as ProposalState);
            setTicked(new Set());
          }}
          data={(['proposed', 'rejected', 'accepted'] as const).map((value) => ({
            value,
            label: `${t(`topology.state.${value}`)} (${proposals.filter((p) => p.state === value).length})`,
          }))}
          data-testid="topology-state-filter"
        />
        {state !== 'accepted' && (
          <Group gap="xs">
            <Button
              size="xs"
              disabled={chosen.length === 0}
              onClick={() => decide(chosen, 'accept')}
              data-testid="topology-accept-selected"
            >
              {t('topology.acceptSelected', { count: chosen.length })}
            </Button>
            {state === 'proposed' && (
              <Button
                size="xs"
                variant="default"
                disabled={chosen.length === 0}
                onClick={() => decide(chosen, 'reject')}
                data-testid="topology-reject-selected"
              >
                {t('topology.rejectSelected', { count: chosen.length })}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" data-testid="topology-no-proposals">
          {t(`topology.none.${state}`)}
        </Text>
      ) : (
        <Table data-testid="topology-proposals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>
                {state !== 'accepted' && (
                  <Checkbox
                    aria-label={t('topology.tickAll')}
                    checked={chosen.length === shown.length}
                    indeterminate={chosen.length > 0 && chosen.length < shown.length}
                    onChange={(event) =>
                      setTicked(new Set(event.currentTarget.checked ? shown.map(keyOf) : []))
                    }
                    data-testid="topology-tick-all"
                  />
                )}
              </Table.Th>
              <Table.Th>{t('topology.proposal')}</Table.Th>
              <Table.Th>{t('topology.configured')}</Table.Th>
              <Table.Th>{t('topology.since')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((proposal) => {
              const key = keyOf(proposal);
              return (
                <Table.Tr key={key} data-testid="topology-proposal">
                  <Table.Td>
                    {state !== 'accepted' && (
                      <Checkbox
                        aria-label={t('topology.tick')}
                        checked={ticked.has(key)}
                        onChange={(event) => {
                          const next = new Set(ticked);
                          if (event.currentTarget.checked) next.add(key);
                          else next.delete(key);
                          setTicked(next);
                        }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td data-testid="topology-sentence">
                    {t('topology.hangsFrom', {
                      child: name(proposal.childId),
                      parent: name(proposal.parentId),
                      protocol: t(`topology.protocol.${proposal.protocol}`),
                      port: proposal.port,
                    })}
                  </Table.Td>
                  <Table.Td>{name(devices.get(proposal.childId)?.parentId ?? null)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(proposal.decidedAt ?? proposal.seenAt)}</Text>
                    {proposal.decidedBy && (
                      <Badge size="xs" variant="light" color={STATE_COLOR[proposal.state]}>
                        {proposal.decidedBy}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {state !== 'accepted' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          onClick={() => decide([proposal], 'accept')}
                          data-testid="topology-accept"
                        >
                          {t('topology.accept')}
                        </Button>
                        {state === 'proposed' && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => decide([proposal], 'reject')}
                            data-testid="topology-reject"
                          >
                            {t('topology.reject')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
