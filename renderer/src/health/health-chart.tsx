import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HealthSample } from '../../../shared/contract/self-health';
import { TimeChart } from '../shared/time-chart';

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
  return (
    <Card withBorder data-testid={props.testId}>
      <Text fw={600} mb="xs">
        {props.title}
      </Text>
      <TimeChart
        data={props.samples}
        height={200}
        series={props.series.map(({ key, color }) => ({ key, color, name: t(`health.series.${key}`) }))}
      />
    </Card>
  );
}
