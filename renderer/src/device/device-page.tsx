import {
  Anchor,
  Breadcrumbs,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartRange, chartRanges, isHistoryRange } from '../../../shared/contract/common';
import type { Alarm, Device, PingRollup } from '../../../shared/contract/entities';
import type { InterfaceRollup, WirelessRollup } from '../../../shared/contract/snmp';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { useLive } from '../live/use-live';
import { notifyError } from '../shared/notify';
import { SeverityBadge, StateBadge } from '../shared/state-badge';
import { SnmpPanel } from './snmp-panel';
import { useAlarmText } from '../alarms/use-alarm-text';
import { DeviceBackup } from '../backups/device-backup';

const FEW_POINTS = 30;

function Chart({
  title,
  data,
  lines,
  empty,
  byDay = false,
  span,
  testId,
  steps = false,
}: {
  title: string;
  data: object[];
  lines: { key: string; color: string }[];
  empty: string;
  /** Ticks as dates, for ranges of weeks and more. */
  byDay?: boolean;
  /** The whole range drawn, so a device added minutes ago shows its few points where they fall. */
  span?: [number, number];
  testId?: string;
  /** Raw samples are logged when something changed: each holds until the next one. */
  steps?: boolean;
}) {
  const format = useFormat();
  return (
    <Card withBorder data-testid={testId} data-points={data.length}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.2} />
            <XAxis
              dataKey="at"
              type="number"
              domain={span ?? ['dataMin', 'dataMax']}
              tickFormatter={(value: number) => (byDay ? format.date(value) : format.time(value))}
              minTickGap={40}
            />
            <YAxis width={48} />
            <Tooltip labelFormatter={(value) => format.dateTime(Number(value))} />
            {lines.map((line) => (
              <Line
                key={line.key}
                type={steps ? 'stepAfter' : 'monotone'}
                dataKey={line.key}
                stroke={line.color}
                // A few points (a device's first samples) would not draw a line: they show as dots.
                dot={data.length <= FEW_POINTS ? { r: 3 } : false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </Card>
  );
}

/** One device: where it hangs in the network, its latency and loss over time, traffic and radio, alarms. */
export function DevicePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const alarmText = useAlarmText();
  const format = useFormat();
  const { store, version } = useLive();
  const [range, setRange] = useState<ChartRange>('24h');
  // SNMP rollups are kept for weeks, not years: its charts stop at 30 days.
  const snmpRange = isHistoryRange(range) ? range : '30d';
  const [rollups, setRollups] = useState<PingRollup[]>([]);
  const [span, setSpan] = useState<[number, number] | undefined>();
  const [snmp, setSnmp] = useState<{ interfaces: InterfaceRollup[]; wireless: WirelessRollup[] }>({
    interfaces: [],
    wireless: [],
  });
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const device = store.devices.get(id);
  const status = store.statuses.get(id);

  // Raw samples follow the device's checks: each new check redraws the chart with its sample.
  const lastCheck = chartRanges[range].resolution === 'sample' ? (status?.lastCheck ?? null) : null;
  useEffect(() => {
    const requested = Date.now();
    void getClient()
      .invoke('status.history', { deviceId: id, range })
      .then((history) => {
        setRollups(history);
        setSpan([requested - chartRanges[range].ms, requested]);
      }, notifyError);
  }, [id, range, lastCheck]);

  useEffect(() => {
    const client = getClient();
    void Promise.all([
      client.invoke('snmp.history', { deviceId: id, range: snmpRange }),
      client.invoke('alarms.list', {
        states: ['active', 'acknowledged', 'cleared'],
        deviceId: id,
        limit: 50,
      }),
    ]).then(([snmpHistory, deviceAlarms]) => {
      setSnmp(snmpHistory);
      setAlarms(deviceAlarms);
    }, notifyError);
  }, [id, snmpRange]);

  const path = useMemo(() => {
    const chain: Device[] = [];
    const seen = new Set<number>();
    for (let current = device?.parentId ?? null; current !== null && !seen.has(current);) {
      seen.add(current);
      const parent = store.devices.get(current);
      if (!parent) break;
      chain.unshift(parent);
      current = parent.parentId;
    }
    return chain;
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, device]);

  if (!device) return <Text>{t('device.notFound')}</Text>;
  const tower = device.towerId ? store.towers.get(device.towerId) : undefined;
  const byDay = chartRanges[range].ms >= chartRanges['7d'].ms;
  const raw = chartRanges[range].resolution === 'sample';
  const ping = rollups.map((row) => ({
    at: row.bucket,
    avg: row.avgMs,
    max: row.maxMs,
    loss: row.lossPct,
    up: row.upPct,
  }));
  const traffic = snmp.interfaces
    .filter((row) => row.inBpsAvg !== null)
    .map((row) => ({
      at: row.bucket,
      [`in${row.ifIndex}`]: (row.inBpsAvg ?? 0) / 1e6,
      [`out${row.ifIndex}`]: (row.outBpsAvg ?? 0) / 1e6,
    }));
  const radio = snmp.wireless.map((row) => ({
    at: row.bucket,
    signal: row.signalAvgDbm,
    noise: row.noiseFloorDbm,
  }));

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor onClick={() => navigate('devices')}>← {t('device.back')}</Anchor>
          <Title order={3} data-testid="device-title">
            {device.name}
          </Title>
          <StateBadge state={status?.state ?? 'unknown'} />
          <Text ff="monospace">{device.host}</Text>
        </Group>
        <SegmentedControl
          value={range}
          onChange={(value) => setRange(ChartRange.parse(value))}
          data={ChartRange.options.map((value) => ({ value, label: t(`device.range.${value}`) }))}
          data-testid="chart-range"
        />
      </Group>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {t('device.path')}
        </Text>
        <Breadcrumbs separator="→" data-testid="dependency-path">
          {tower && <Text size="sm">{tower.name}</Text>}
          {path.map((hop) => (
            <Anchor key={hop.id} size="sm" onClick={() => navigate(`devices/${hop.id}`)}>
              {hop.name}
            </Anchor>
          ))}
          <Text size="sm" fw={600}>
            {device.name}
          </Text>
        </Breadcrumbs>
        <Text size="sm" mt="xs">
          {t('devices.rtt')}: {format.number(status?.rttMs, ' ms')} · {t('devices.loss')}:{' '}
          {format.number(status?.lossPct, ' %')} · {t('devices.since')}: {format.dateTime(status?.since)}
          {status?.cause ? ` · ${status.cause}` : ''}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Chart
          title={t('device.latency')}
          testId="chart-latency"
          span={span}
          steps={raw}
          data={ping}
          lines={[
            { key: 'avg', color: '#4dabf7' },
            { key: 'max', color: '#f59f00' },
          ]}
          empty={t('device.noData')}
          byDay={byDay}
        />
        <Chart
          title={t('device.loss')}
          testId="chart-loss"
          span={span}
          steps={raw}
          data={ping}
          lines={[{ key: 'loss', color: '#fa5252' }]}
          empty={t('device.noData')}
          byDay={byDay}
        />
        <Chart
          title={t(`device.availability.${chartRanges[range].resolution}`)}
          testId="chart-availability"
          span={span}
          steps={raw}
          data={ping}
          lines={[{ key: 'up', color: '#51cf66' }]}
          empty={t('device.noData')}
          byDay={byDay}
        />
        {traffic.length > 0 && (
          <Chart
            title={t('device.traffic')}
            data={traffic}
            lines={Object.keys(traffic[0] ?? {})
              .filter((key) => key !== 'at')
              .map((key, i) => ({ key, color: ['#4dabf7', '#51cf66', '#fcc419', '#ff6b6b'][i % 4]! }))}
            empty={t('device.noData')}
            byDay={byDay}
          />
        )}
        {radio.length > 0 && (
          <Chart
            title={t('device.wireless')}
            data={radio}
            lines={[
              { key: 'signal', color: '#51cf66' },
              { key: 'noise', color: '#868e96' },
            ]}
            empty={t('device.noData')}
            byDay={byDay}
          />
        )}
      </SimpleGrid>
      {!isHistoryRange(range) && (traffic.length > 0 || radio.length > 0) && (
        <Text size="sm" c="dimmed">
          {t('device.snmpLast30Days')}
        </Text>
      )}
      <SnmpPanel deviceId={id} />
      <DeviceBackup deviceId={id} />
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('device.alarmHistory')}
        </Text>
        <Table>
          <Table.Tbody>
            {alarms.map((alarm) => (
              <Table.Tr key={alarm.id}>
                <Table.Td>
                  <SeverityBadge severity={alarm.severity} />
                </Table.Td>
                <Table.Td>{alarmText(alarm)}</Table.Td>
                <Table.Td>{t(`alarms.stateOf.${alarm.state}`)}</Table.Td>
                <Table.Td>{format.dateTime(alarm.raisedAt)}</Table.Td>
                <Table.Td>
                  {alarm.clearedAt ? format.duration(alarm.clearedAt - alarm.raisedAt) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
