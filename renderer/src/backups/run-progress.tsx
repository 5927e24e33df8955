import { Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRunProgress } from '../../../shared/contract/backup';

/** "Back up all now" and, while a run goes on, its progress bar and cancel button. */
export function RunProgress({
  progress,
  running,
  onRunAll,
  onCancel,
}: {
  progress: BackupRunProgress | null;
  running: boolean;
  onRunAll(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const counts = progress ?? { done: 0, total: 0, failed: 0, changed: 0 };
  const percent = counts.total === 0 ? 0 : (counts.done / counts.total) * 100;
  const label = !progress
    ? null
    : running
      ? t('backups.progress', counts)
      : progress.cancelled
        ? t('backups.cancelled', counts)
        : t('backups.finished', counts);
  return (
    <Group align="center" wrap="nowrap">
      {running ? (
        <Button color="red" variant="light" onClick={onCancel} data-testid="backup-cancel">
          {t('backups.cancel')}
        </Button>
      ) : (
        <Button onClick={onRunAll} data-testid="backup-run-all">
          {t('backups.runAll')}
        </Button>
      )}
      {progress && (
        <div style={{ flex: 1 }}>
          <Progress
            value={percent}
            animated={running}
            color={counts.failed > 0 ? 'orange' : 'blue'}
            data-testid="backup-progress"
          />
          <Text size="xs" c="dimmed" mt={4} data-testid="backup-progress-text">
            {label}
          </Text>
        </div>
      )}
    </Group>
  );
}
