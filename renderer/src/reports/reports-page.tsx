import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  reportGroupings,
  type AvailabilityReport,
  type ReportGrouping,
} from '../../../shared/contract/reports';
import { getClient } from '../client';
import { download } from '../devices/csv-export';
import { useFormat } from '../i18n/format';
import { useLiveValue } from '../live/use-live';
import { notifyError } from '../shared/notify';
import { exportPdf } from './export-pdf';
import { IncidentsTable } from './incidents-table';
import { hoursMinutes } from './hours-minutes';
import { reportToCsv } from './report-csv';
import {
  dayOf,
  monthOf,
  parseReportQuery,
  periodRange,
  reportQueryString,
  type Period,
} from './report-period';
import './report-print.css';
import { ReportTable } from './report-table';
import { usePercent } from './use-percent';

const queryOfHash = () => window.location.hash.split('?')[1] ?? '';

/** The months history is kept for (three years), named in the operator's language, plus the chosen one. */
function monthChoices(language: string, chosen: string): { value: string; label: string }[] {
  const name = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const today = new Date();
  const months = Array.from({ length: 37 }, (_, i) =>
    monthOf(new Date(today.getFullYear(), today.getMonth() - i, 1).getTime()),
  );
  const values = [...new Set([chosen, ...months])].sort().reverse();
  return values.map((value) => ({
    value,
    label: name.format(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 15)),
  }));
}

/** SLA reports: availability per device, tower or tag over a month or a range, with incidents; CSV and PDF. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const runtime = useLiveValue((store) => store.info?.runtime ?? 'headless');
  const [initial] = useState(() => parseReportQuery(queryOfHash(), Date.now()));
  const [period, setPeriod] = useState<Period>(initial.period);
  const [groupBy, setGroupBy] = useState<ReportGrouping>(initial.groupBy);
  const [report, setReport] = useState<AvailabilityReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const range = periodRange(period);
  const query = reportQueryString({ period, groupBy });

  useEffect(() => {
    // The address follows the choices (a report can be linked, and the server prints from it).
    window.history.replaceState(null, '', `#/reports?${query}${initial.print ? '&print=1' : ''}`);
    if (!range) return;
    let current = true;
    setLoading(true);
    getClient()
      .invoke('reports.availability', { from: range.from, to: range.to, groupBy })
      .then(
        (result) => current && setReport(result),
        (error: unknown) => current && notifyError(error),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // range is derived from period.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const fileName = (extension: string) =>
    `${t('reports.fileName')}-${period.kind === 'month' ? period.month : `${period.from}_${period.to}`}-${groupBy}.${extension}`;
  const exportCsv = () => {
    if (!report) return;
    const headers = [
      t(`reports.group.${report.groupBy}`),
      t('reports.host'),
      t('reports.tower'),
      t('reports.devices'),
      t('reports.availabilityPct'),
      t('reports.monitoredHours'),
      t('reports.downHours'),
      t('reports.maintenanceHours'),
      t('reports.incidents'),
    ];
    const csv = reportToCsv(report, i18n.language, {
      headers,
      none: t(`reports.none.${report.groupBy}`),
      total: t('reports.total', { count: report.total.devices }),
    });
    download(fileName('csv'), csv);
  };
  const pdf = () => {
    setExporting(true);
    exportPdf({ runtime, query, fileName: fileName('pdf') })
      .catch(notifyError)
      .finally(() => setExporting(false));
  };

  const ready = report !== null && !loading;
  return (
    <Stack data-report data-report-ready={ready ? 'true' : 'false'}>
      <Group justify="space-between" data-print="hide">
        <Title order={3}>{t('reports.title')}</Title>
        <Group>
          <Button variant="light" onClick={exportCsv} disabled={!ready} data-testid="report-csv">
            {t('reports.csv')}
          </Button>
          <Button
            variant="light"
            onClick={pdf}
            disabled={!ready}
            loading={exporting}
            data-testid="report-pdf"
          >
            {t('reports.pdf')}
          </Button>
        </Group>
      </Group>
      <Card withBorder data-print="hide">
        <Group align="end">
          <SegmentedControl
            value={period.kind}
            onChange={(kind) =>
              setPeriod(
                kind === 'month'
                  ? { kind: 'month', month: range ? monthOf(range.from) : monthOf(Date.now()) }
                  : {
                      kind: 'range',
                      from: dayOf(range?.from ?? Date.now()),
                      to: dayOf((range?.to ?? Date.now()) - 1),
                    },
              )
            }
            data={[
              { value: 'month', label: t('reports.month') },
              { value: 'range', label: t('reports.range') },
            ]}
          />
          {period.kind === 'month' ? (
            <Select
              label={t('reports.month')}
              value={period.month}
              data={monthChoices(i18n.language, period.month)}
              onChange={(month) => month && setPeriod({ kind: 'month', month })}
              allowDeselect={false}
              data-testid="report-month"
            />
          ) : (
            <>
              <TextInput
                type="date"
                label={t('reports.from')}
                value={period.from}
                onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
                data-testid="report-from"
              />
              <TextInput
                type="date"
                label={t('reports.to')}
                value={period.to}
                onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
                error={range ? undefined : t('reports.invalidRange')}
                data-testid="report-to"
              />
            </>
          )}
          <SegmentedControl
            value={groupBy}
            onChange={(value) =>
              setGroupBy(reportGroupings.find((grouping) => grouping === value) ?? 'device')
            }
            data={reportGroupings.map((value) => ({ value, label: t(`reports.by.${value}`) }))}
            data-testid="report-grouping"
          />
        </Group>
      </Card>
      {report && (
        <>
          <div data-print="only">
            <Title order={3}>{t('reports.title')}</Title>
          </div>
          <Text size="sm" c="dimmed" data-testid="report-period">
            {t('reports.period', {
              from: format.dateTime(report.from),
              to: format.dateTime(report.to),
              generated: format.dateTime(report.generatedAt),
            })}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure
              label={t('reports.availability')}
              value={percent(report.total.availabilityPct)}
              testId="total-availability"
            />
            <Figure label={t('reports.devices')} value={String(report.total.devices)} />
            <Figure
              label={t('reports.downtime')}
              value={report.total.downMs > 0 ? hoursMinutes(report.total.downMs) : '—'}
            />
            <Figure label={t('reports.incidents')} value={String(report.incidentsTotal)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('reports.method')}
          </Text>
          <Card withBorder>
            <ReportTable report={report} />
          </Card>
          <Title order={4}>{t('reports.incidentsTitle')}</Title>
          <IncidentsTable report={report} />
        </>
      )}
      {!report && loading && <Text>{t('reports.loading')}</Text>}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
