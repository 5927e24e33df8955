import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreCondition, StoreProblem } from '../../../shared/contract/events';
import { useFormat } from '../i18n/format';

const PROBLEM_TEXT = {
  stalled: 'dashboard.storeStalled',
  unreachable: 'dashboard.storeUnreachable',
  full: 'dashboard.storeFull',
  locked: 'dashboard.storeLocked',
  failing: 'dashboard.storeFailing',
} as const satisfies Record<StoreProblem, string>;

/**
 * The store's state in the reader's words: what is wrong, for how long, and how much waits for
 * it — never the driver's own text, which may be SQL.
 */
export function StoreConditionText({
  condition,
  dialect,
}: {
  condition: StoreCondition | undefined;
  dialect: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!condition?.problem) return <b>{`${t('dashboard.storeOk')} (${dialect})`}</b>;
  const values = { seconds: format.number(condition.silentS), queued: format.number(condition.queued) };
  return (
    <>
      <Text span c="red" fw={700} size="sm" data-testid="store-problem" data-problem={condition.problem}>
        {t(PROBLEM_TEXT[condition.problem], values)}
        {condition.droppedSamples > 0 &&
          ` · ${t('dashboard.storeDropped', { count: format.number(condition.droppedSamples) })}`}
      </Text>{' '}
      <Text span size="xs" c="dimmed">
        {t('dashboard.storeMonitoring')}
      </Text>
    </>
  );
}
