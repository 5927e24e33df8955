import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthSample } from '../../../shared/contract/self-health';
import { useFormat } from '../i18n/format';

export interface HealthSeries {
  key: Exclude<keyof HealthSample, 'at'>;
  color: string;
}

/** One of the Health page's charts: some of Vigia's own measures over the chosen range. */
export function HealthChart(props: {
  title: string;
  samples: readonly HealthSample[];
  series: readonly HealthSeries[];
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder data-testid={props.testId}>
      <Text fw={600} mb="xs">
        {props.title}
      </Text>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={[...props.samples]}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.2} />
          <XAxis dataKey="at" tickFormatter={(value: number) => format.time(value)} minTickGap={40} />
          <YAxis width={56} />
          <Tooltip
            labelFormatter={(value) => format.dateTime(Number(value))}
            formatter={(value) => format.number(Number(value))}
          />
          <Legend />
          {props.series.map(({ key, color }) => (
            <Line
              key={key}
              dataKey={key}
              name={t(`health.series.${key}`)}
              stroke={color}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Card>
  );
}
