import { Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { OpticalRange, Resolution, ThresholdRule } from '../../../shared/contract/optical';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { usePolled } from './use-optical';

const severityColor: Record<ThresholdRule['severity'], string> = {
  critical: '#e03131',
  major: '#f76707',
  minor: '#f59f00',
  warning: '#fab005',
  info: '#1c7ed6',
};

/** The range each resolution is kept for and drawn over: raw 30 days, hourly a year, daily three. */
const rangesOf: Record<Resolution, OpticalRange[]> = {
  raw: ['1h', '24h', '7d', '30d'],
  hour: ['24h', '7d', '30d', '1y'],
  day: ['30d', '1y', '3y'],
};

/** A measure's history with the bands its rules alarm in, shaded in the rule's severity. */
export function MeasureChart({ endpointId, uid, name }: { endpointId: number; uid: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [resolution, setResolution] = useState<Resolution>('raw');
  const [range, setRange] = useState<OpticalRange>('24h');
  const [history] = usePolled(
    () => getClient().invoke('optical.history', { endpointId, measureUid: uid, resolution, range }),
    60_000,
    `${endpointId}|${uid}|${resolution}|${range}`,
  );
  const points = history?.points ?? [];
  const values = points.flatMap((point) => [point.min, point.max]);
  const limits = (history?.rules ?? [])
    .flatMap((rule) => [rule.min, rule.max])
    .filter((v): v is number => v !== null);
  const low = Math.min(...values, ...limits) - 1;
  const high = Math.max(...values, ...limits) + 1;
  const unit = history?.unit ? ` ${history.unit}` : '';
  return (
    <Card withBorder data-testid="measure-chart">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('optical.measure.chart', { name })}</Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={resolution}
            onChange={(value) => {
              const next = value as Resolution;
              setResolution(next);
              if (!rangesOf[next].includes(range)) setRange(rangesOf[next][1] ?? rangesOf[next][0]!);
            }}
            data={(['raw', 'hour', 'day'] as const).map((value) => ({
              value,
              label: t(`optical.measure.resolution.${value}`),
            }))}
          />
          <SegmentedControl
            size="xs"
            value={range}
            onChange={(value) => setRange(value as OpticalRange)}
            data={rangesOf[resolution]}
          />
        </Group>
      </Group>
      {points.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('optical.measure.noHistory')}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.2} />
            <XAxis
              dataKey="at"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(value: number) =>
                resolution === 'raw' ? format.time(value) : format.dateTime(value)
              }
              minTickGap={40}
            />
            <YAxis width={56} domain={[low, high]} tickFormatter={(value: number) => format.number(value)} />
            <Tooltip
              labelFormatter={(value) => format.dateTime(Number(value))}
              formatter={(value) => `${format.number(Number(value))}${unit}`}
            />
            {(history?.rules ?? []).map((rule) => (
              <g key={rule.id}>
                {rule.min !== null && (
                  <>
                    <ReferenceArea
                      y1={low}
                      y2={rule.min}
                      fill={severityColor[rule.severity]}
                      fillOpacity={0.08}
                    />
                    <ReferenceLine y={rule.min} stroke={severityColor[rule.severity]} strokeDasharray="4 4" />
                  </>
                )}
                {rule.max !== null && (
                  <>
                    <ReferenceArea
                      y1={rule.max}
                      y2={high}
                      fill={severityColor[rule.severity]}
                      fillOpacity={0.08}
                    />
                    <ReferenceLine y={rule.max} stroke={severityColor[rule.severity]} strokeDasharray="4 4" />
                  </>
                )}
              </g>
            ))}
            {resolution === 'raw' ? (
              <Line
                type="monotone"
                dataKey="avg"
                name={name}
                stroke="#1c7ed6"
                dot={false}
                isAnimationActive={false}
              />
            ) : (
              (['min', 'avg', 'max'] as const).map((key, index) => (
                <Line
                  key={key}
                  type="monotone"
                  dataKey={key}
                  name={t(`optical.measure.${key}`)}
                  stroke={['#74c0fc', '#1c7ed6', '#1864ab'][index]}
                  dot={false}
                  isAnimationActive={false}
                />
              ))
            )}
          </LineChart>
        </ResponsiveContainer>
      )}
    </Card>
  );
}
