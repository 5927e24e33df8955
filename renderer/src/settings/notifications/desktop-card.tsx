import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotifyConfig } from '../../../../shared/contract/notify';
import { TestResult } from './test-result';
import type { TestState } from './use-notify-test';

/** This workstation's own pop-ups, and the "do not disturb" switch the tray also has. */
export function DesktopCard({
  value,
  onChange,
  paused,
  onPausedChange,
  test,
  onTest,
}: {
  value: NotifyConfig['desktop'];
  onChange: (patch: Partial<NotifyConfig['desktop']>) => void;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  test: TestState | undefined;
  onTest: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="notify-desktop">
      <Stack gap="sm">
        <Title order={5}>{t('notify.desktop.title')}</Title>
        <Switch
          label={t('notify.enabled')}
          description={t('notify.desktop.enabledHelp')}
          checked={value.enabled}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          data-testid="desktop-enabled"
        />
        <Switch
          label={t('notify.field.recoveries')}
          description={t('notify.desktop.recoveriesHelp')}
          checked={value.recoveries}
          onChange={(e) => onChange({ recoveries: e.currentTarget.checked })}
          disabled={!value.enabled}
          data-testid="desktop-recoveries"
        />
        <Switch
          color="orange"
          label={t('notify.desktop.paused')}
          description={t('notify.desktop.pausedHelp')}
          checked={paused}
          onChange={(e) => onPausedChange(e.currentTarget.checked)}
          data-testid="notify-paused"
        />
        {paused && (
          <Text size="sm" c="orange" data-testid="notify-paused-banner">
            {t('notify.desktop.pausedBanner')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={onTest}
            loading={test?.running}
            data-testid="desktop-test"
          >
            {t('notify.test.send')}
          </Button>
        </Group>
        <TestResult state={test} channel="desktop" testId="desktop-test-result" />
      </Stack>
    </Card>
  );
}
