import { Cron } from 'croner';
import type { BackupSettings } from '../../../shared/contract/backup';

/** The cron expression that applies to a device: its own, else its tower's, else the default. */
export function scheduleOf(
  own: string | null,
  towerId: number | null,
  settings: Pick<BackupSettings, 'defaultSchedule' | 'towerSchedules'>,
): string {
  return (
    own ??
    (towerId !== null ? settings.towerSchedules[String(towerId)] : undefined) ??
    settings.defaultSchedule
  );
}

/** Whether `expression` fired in (from, to]. An expression croner cannot read never fires. */
export function firedBetween(expression: string, from: number, to: number): boolean {
  try {
    const next = new Cron(expression, { paused: true }).nextRun(new Date(from));
    return next !== null && next.getTime() <= to;
  } catch {
    return false;
  }
}

/** Whether croner reads the expression (validation for the API). */
export function isValidSchedule(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}
