import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/contract/api';
import type { BackupRunProgress } from '../../../shared/contract/backup';
import { getClient } from '../client';

export type BackupOverview = ApiOutput<'backup.overview'>;

const RUNNING_POLL_MS = 1_000;
const IDLE_POLL_MS = 15_000;

/**
 * The Backups page's data: the overview and the run's progress, read again every second while a
 * run goes on (the progress bar) and every 15 s otherwise.
 */
export function useBackups() {
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [progress, setProgress] = useState<BackupRunProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** When the overview was read: ages are counted from it, not from each render. */
  const [readAt, setReadAt] = useState(0);
  const refresh = useCallback(async () => {
    try {
      const [next, run] = await Promise.all([
        getClient().invoke('backup.overview', undefined),
        getClient().invoke('backup.progress', undefined),
      ]);
      setOverview(next);
      setReadAt(Date.now());
      setProgress(run);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  const running = progress !== null && progress.finishedAt === null;
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh, running]);
  return { overview, readAt, progress, running, error, refresh, setProgress };
}
