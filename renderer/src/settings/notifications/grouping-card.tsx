import { Card, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How long events for one destination are gathered into a single message. */
export function GroupingCard({
  value,
  onChange,
  error,
}: {
  value: number | string;
  onChange: (value: number | string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="notify-grouping">
      <NumberInput
        label={t('notify.field.groupWindowS')}
        description={t('notify.groupWindowHelp')}
        min={0}
        max={300}
        clampBehavior="strict"
        allowDecimal={false}
        allowNegative={false}
        suffix=" s"
        value={value}
        onChange={onChange}
        error={error}
        maw={320}
        data-testid="notify-group-window"
      />
    </Card>
  );
}
