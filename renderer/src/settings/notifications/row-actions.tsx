import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TestResult } from './test-result';
import type { TestState } from './use-notify-test';

/** The foot of a destination row: "send test", remove, and the test's outcome. */
export function RowActions({
  channel,
  testId,
  removeLabel,
  onTest,
  onRemove,
  test,
}: {
  channel: 'telegram' | 'webhook';
  /** Prefix of the test ids: `<prefix>-test`, `<prefix>-remove`, `<prefix>-test-result`. */
  testId: string;
  removeLabel: string;
  onTest: () => void;
  onRemove: () => void;
  test: TestState | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between">
        <Button
          variant="light"
          size="xs"
          onClick={onTest}
          loading={test?.running}
          data-testid={`${testId}-test`}
        >
          {t('notify.test.send')}
        </Button>
        <Button variant="subtle" color="red" size="xs" onClick={onRemove} data-testid={`${testId}-remove`}>
          {removeLabel}
        </Button>
      </Group>
      <TestResult state={test} channel={channel} testId={`${testId}-test-result`} />
    </>
  );
}
