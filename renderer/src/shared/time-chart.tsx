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
        <Legend />
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
