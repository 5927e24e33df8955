import { Box, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

export type SortKey = 'name' | 'host' | 'state' | 'rtt' | 'tower';
export interface Sort {
  key: SortKey;
  asc: boolean;
}

const columns: [SortKey | null, string][] = [
  ['name', 'devices.name'],
  ['host', 'devices.host'],
  ['state', 'devices.state'],
  ['tower', 'devices.tower'],
  [null, 'devices.kind'],
  ['rtt', 'devices.rtt'],
  [null, 'devices.loss'],
  [null, 'devices.since'],
];

/** The column titles; clicking a sortable one sorts by it, again to reverse. Memoised like the toolbar. */
export const DevicesHeader = memo(function DevicesHeader({
  sort,
  onSort,
  gridColumns,
}: {
  sort: Sort;
  onSort(key: SortKey): void;
  gridColumns: string;
}) {
  const { t } = useTranslation();
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: gridColumns, gap: 8, padding: '0 8px' }}>
      {columns.map(([key, label]) => (
        <Text
          key={label}
          size="sm"
          fw={600}
          style={{ cursor: key ? 'pointer' : 'default' }}
          onClick={() => key && onSort(key)}
        >
          {t(label)}
          {key && sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
        </Text>
      ))}
      <span />
    </Box>
  );
});
