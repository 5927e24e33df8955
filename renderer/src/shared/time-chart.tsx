import { Group, Text } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../i18n/format';

export interface TimeSeries {
  key: string;
  name: string;
  color: string;
}

/** Lines over time (`at`, epoch ms), one per series; a null value leaves a gap in its line. */
export function TimeChart(props: {
  data: readonly object[];
  series: readonly TimeSeries[];
  height: number;
  unit?: string;
}) {
  const format = useFormat();
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <LineChart data={[...props.data]}>
        <CartesianGrid strokeDasharray="3 3" opacity={0.2} />
        <XAxis dataKey="at" tickFormatter={(value: number) => format.time(value)} minTickGap={40} />
        <YAxis width={56} unit={props.unit} />
        <Tooltip labelFormatter={(value) => format.dateTime(Number(value))} />
        {/* Drawn here: recharts' own legend labels its icons in English ("… legend icon"). */}
        <Legend content={() => <SeriesLegend series={props.series} />} />
        {props.series.map(({ key, name, color }) => (
          <Line
            key={key}
            dataKey={key}
            name={name}
            stroke={color}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function SeriesLegend({ series }: { series: readonly TimeSeries[] }) {
  return (
    <Group justify="center" gap="md">
      {series.map(({ key, name, color }) => (
        <Group key={key} gap={6} wrap="nowrap">
          <svg width="14" height="4" aria-hidden>
            <line x1="0" y1="2" x2="14" y2="2" stroke={color} strokeWidth={3} />
          </svg>
          <Text size="xs" c={color}>
            {name}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
