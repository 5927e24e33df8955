import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VendorSeverity } from '../../../shared/contract/optical-worker';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { usePolled } from './use-optical';

const color: Record<VendorSeverity, string> = {
  CRITICAL: 'red',
  MAJOR: 'orange',
  MINOR: 'yellow',
  WARNING: 'yellow',
  UNKNOWN: 'gray',
  CLEARED: 'green',
};

/** The alarms the Padtec gear itself reports, as the Smart API lists them now. */
export function VendorAlarmsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [alarms] = usePolled(() => getClient().invoke('optical.vendorAlarms', undefined), 10_000);
  if (alarms !== null && alarms.length === 0) return <Text c="dimmed">{t('optical.vendor.none')}</Text>;
  return (
    <Table striped data-testid="optical-vendor-alarms">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('optical.vendor.severity')}</Table.Th>
          <Table.Th>{t('optical.vendor.name')}</Table.Th>
          <Table.Th>{t('optical.vendor.group')}</Table.Th>
          <Table.Th>{t('optical.site.site')}</Table.Th>
          <Table.Th>{t('optical.card.uid')}</Table.Th>
          <Table.Th>{t('optical.vendor.resource')}</Table.Th>
          <Table.Th>{t('optical.vendor.since')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(alarms ?? []).map((alarm) => (
          <Table.Tr key={`${alarm.endpointId}:${alarm.oid}:${alarm.cardUid}:${alarm.name}`}>
            <Table.Td>
              <Badge color={color[alarm.severity]}>{t(`optical.vendor.severities.${alarm.severity}`)}</Badge>
            </Table.Td>
            <Table.Td>{alarm.name}</Table.Td>
            <Table.Td>{alarm.group}</Table.Td>
            <Table.Td>{alarm.site}</Table.Td>
            <Table.Td>{alarm.cardUid}</Table.Td>
            <Table.Td>{alarm.resource}</Table.Td>
            <Table.Td>{format.dateTime(alarm.startAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
