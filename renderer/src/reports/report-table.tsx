import { Table, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityReport, ReportRow } from '../../../shared/contract/reports';
import { hoursMinutes } from './hours-minutes';
import { nextSort, sortRows, type Sort, type SortColumn } from './sorting';
import { usePercent } from './use-percent';

/** One line per device, tower or tag, sortable by any column, with the report's total last. */
export function ReportTable({ report }: { report: AvailabilityReport }) {
  const { t, i18n } = useTranslation();
  const percent = usePercent();
  const [sort, setSort] = useState<Sort>({ column: 'availabilityPct', descending: false });
  const rows = useMemo(
    () => sortRows(report.rows, sort, new Intl.Collator(i18n.language)),
    [report.rows, sort, i18n.language],
  );
  const byDevice = report.groupBy === 'device';
  const header = (column: SortColumn, label: string) => (
    <Table.Th>
      <UnstyledButton
        onClick={() => setSort((current) => nextSort(current, column))}
        data-testid={`sort-${column}`}
        fw={600}
        fz="sm"
      >
        {label}
        {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  const cells = (
    row: Pick<ReportRow, 'devices' | 'availabilityPct' | 'downMs' | 'maintenanceMs' | 'incidents'>,
  ) => (
    <>
      {!byDevice && <Table.Td>{row.devices}</Table.Td>}
      <Table.Td data-testid="availability">{percent(row.availabilityPct)}</Table.Td>
      <Table.Td>{row.downMs > 0 ? hoursMinutes(row.downMs) : '—'}</Table.Td>
      <Table.Td>{row.maintenanceMs > 0 ? hoursMinutes(row.maintenanceMs) : '—'}</Table.Td>
      <Table.Td>{row.incidents}</Table.Td>
    </>
  );
  return (
    <Table striped highlightOnHover data-testid="report-rows">
      <Table.Thead>
        <Table.Tr>
          {header('name', t(`reports.group.${report.groupBy}`))}
          {byDevice && <Table.Th>{t('reports.host')}</Table.Th>}
          {byDevice && <Table.Th>{t('reports.tower')}</Table.Th>}
          {!byDevice && header('devices', t('reports.devices'))}
          {header('availabilityPct', t('reports.availability'))}
          {header('downMs', t('reports.downtime'))}
          {header('maintenanceMs', t('reports.maintenance'))}
          {header('incidents', t('reports.incidents'))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-testid="report-row">
            <Table.Td>{row.name ?? t(`reports.none.${report.groupBy}`)}</Table.Td>
            {byDevice && <Table.Td ff="monospace">{row.host}</Table.Td>}
            {byDevice && <Table.Td>{row.tower ?? '—'}</Table.Td>}
            {cells(row)}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-testid="report-total" fw={700}>
          <Table.Td>{t('reports.total', { count: report.total.devices })}</Table.Td>
          {byDevice && <Table.Td />}
          {byDevice && <Table.Td />}
          {cells(report.total)}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
