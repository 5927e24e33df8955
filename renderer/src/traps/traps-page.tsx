import { Badge, Code, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrapCounts, TrapLogEntry, TrapLogPage } from '../../../shared/contract/traps';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useLiveValue } from '../live/use-live';
import { notifyError } from '../shared/notify';
import { TrapCounters } from './trap-counters';
import { TrapFilters, noFilter, type TrapFilter } from './trap-filters';

const PAGE_SIZE = 25;
/** A row's identity across refreshes, so an opened row stays open when the page refreshes. */
const entryKey = (entry: TrapLogEntry, i: number) => `${entry.at}|${entry.address}|${entry.trapOid}|${i}`;
const REFRESH_MS = 10_000;

/**
 * The SNMP traps Vigia could not turn into an alarm (unknown trap OIDs, senders not in the
 * inventory), searchable with their varbinds, and the receiver's counters of what it refused.
 */
export function TrapsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const devices = useLiveValue((store) => store.devices);
  const [filter, setFilter] = useState<TrapFilter>(noFilter);
  const [page, setPage] = useState(1);
  const [log, setLog] = useState<TrapLogPage | null>(null);
  const [counts, setCounts] = useState<TrapCounts | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const client = getClient();
    void client
      .invoke('snmp.traps.log', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then(setLog, notifyError);
    void client.invoke('snmp.traps.stats', {}).then(setCounts, notifyError);
  }, [filter, page]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const pages = Math.max(1, Math.ceil((log?.matched ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <div>
        <Title order={3}>{t('traps.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('traps.intro')}
        </Text>
      </div>
      <TrapCounters counts={counts} />
      <TrapFilters
        onSearch={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {log && (
        <Text size="sm" c="dimmed" data-testid="trap-matched">
          {t('traps.matched', { matched: format.number(log.matched), kept: format.number(log.kept) })}
        </Text>
      )}
      {log && log.entries.length === 0 ? (
        <Text c="dimmed" data-testid="trap-empty">
          {t('traps.empty')}
        </Text>
      ) : (
        <Table highlightOnHover data-testid="trap-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('traps.at')}</Table.Th>
              <Table.Th>{t('traps.source')}</Table.Th>
              <Table.Th>{t('traps.trapOid')}</Table.Th>
              <Table.Th>{t('traps.reason')}</Table.Th>
              <Table.Th>{t('traps.varbinds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log?.entries.map((entry, i) => {
              const key = entryKey(entry, i);
              return (
                <Fragment key={key}>
                  <Table.Tr
                    style={{ cursor: 'pointer' }}
                    onClick={() => setOpen(open === key ? null : key)}
                    data-testid="trap-row"
                  >
                    <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      {entry.address}
                      {entry.deviceId !== null && (
                        <Text span size="sm" c="dimmed" ml="xs">
                          {devices.get(entry.deviceId)?.name ?? ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Code>{entry.trapOid || '—'}</Code>
                      <Badge ml="xs" size="xs" variant="outline">
                        {entry.kind === 'inform' ? 'inform' : `v${entry.version}`}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={entry.reason === 'unknown_source' ? 'orange' : 'gray'} variant="light">
                        {t(`traps.reasons.${entry.reason}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{entry.varbinds.length}</Table.Td>
                  </Table.Tr>
                  {open === key && (
                    <Table.Tr data-testid="trap-varbinds">
                      <Table.Td colSpan={5}>
                        {entry.varbinds.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('traps.noVarbinds')}
                          </Text>
                        ) : (
                          <Table withTableBorder>
                            <Table.Tbody>
                              {entry.varbinds.map((varbind, j) => (
                                <Table.Tr key={j}>
                                  <Table.Td>
                                    <Code>{varbind.oid}</Code>
                                  </Table.Td>
                                  <Table.Td style={{ wordBreak: 'break-all' }}>{varbind.value}</Table.Td>
                                </Table.Tr>
                              ))}
                            </Table.Tbody>
                          </Table>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} data-testid="trap-pages" />
        </Group>
      )}
    </Stack>
  );
}
