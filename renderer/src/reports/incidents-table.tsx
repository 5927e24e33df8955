import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AvailabilityReport, ReportIncident } from '../../../shared/contract/reports';
import { useFormat } from '../i18n/format';
import { hoursMinutes } from './hours-minutes';

/** Incidents shown on the page (and printed); the CSV and the total count cover them all. */
const SHOWN = 200;

const causeColor: Record<ReportIncident['cause'], string> = {
  device: 'red',
  tower: 'orange',
  parent: 'yellow',
  flapping: 'grape',
  maintenance: 'gray',
};

/** The report's incidents, longest first: when, how long, and what caused them. */
export function IncidentsTable({ report }: { report: AvailabilityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (report.incidentsTotal === 0) return <Text c="dimmed">{t('reports.noIncidents')}</Text>;
  const shown = report.incidents.slice(0, SHOWN);
  return (
    <>
      <Table striped data-testid="report-incidents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.device')}</Table.Th>
            <Table.Th>{t('reports.tower')}</Table.Th>
            <Table.Th>{t('reports.start')}</Table.Th>
            <Table.Th>{t('reports.end')}</Table.Th>
            <Table.Th>{t('reports.duration')}</Table.Th>
            <Table.Th>{t('reports.rootCause')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((incident) => (
            <Table.Tr key={`${incident.deviceId}:${incident.start}`}>
              <Table.Td>{incident.device}</Table.Td>
              <Table.Td>{incident.tower ?? '—'}</Table.Td>
              <Table.Td>{format.dateTime(incident.start)}</Table.Td>
              <Table.Td>{incident.ongoing ? t('reports.ongoing') : format.dateTime(incident.end)}</Table.Td>
              <Table.Td>
                {hoursMinutes(incident.durationMs)}
                {incident.countedMs !== incident.durationMs && incident.countedMs > 0
                  ? ` (${t('reports.counted', { duration: hoursMinutes(incident.countedMs) })})`
                  : ''}
              </Table.Td>
              <Table.Td>
                <Badge color={causeColor[incident.cause]} variant="light">
                  {t(`reports.cause.${incident.cause}`, { name: incident.causeName ?? '?' })}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.incidentsTotal > shown.length && (
        <Text size="sm" c="dimmed">
          {t('reports.moreIncidents', { shown: shown.length, total: report.incidentsTotal })}
        </Text>
      )}
    </>
  );
}
