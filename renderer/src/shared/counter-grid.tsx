import { SimpleGrid, Text } from '@mantine/core';
import { useFormat } from '../i18n/format';

export interface Counter {
  key: string;
  label: string;
  value: number | null;
  /** The colour the value takes when it is not zero (something refused, lost or unmatched). */
  alert: string | null;
}

/** A row of labelled counts, each with the test id `${testId}-${key}`. */
export function CounterGrid({ counters, testId }: { counters: readonly Counter[]; testId: string }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, md: 4, lg: 8 }}>
      {counters.map(({ key, label, value, alert }) => (
        <div key={key} data-testid={`${testId}-${key}`}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} c={alert && value ? alert : undefined}>
            {format.number(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
