import type { StoreDialect } from '../dialect';
import { isForeignKeyViolation } from '../errors';

/**
 * Writes a batch of per-device rows. A device deleted while its rows waited in the batch makes
 * the database refuse the whole batch; its rows are then dropped and the rest written again, so
 * one removed device never costs every other device its cycle of results.
 */
export async function writeSkippingDeletedDevices<T extends { deviceId: number }>(
  dialect: StoreDialect,
  rows: T[],
  write: (rows: T[]) => Promise<void>,
): Promise<void> {
  try {
    await write(rows);
    return;
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
  }
  const devices = dialect.tables.devices;
  const existing = new Set((await dialect.db.select({ id: devices.id }).from(devices)).map((row) => row.id));
  const kept = rows.filter((row) => existing.has(row.deviceId));
  if (kept.length > 0) await write(kept);
}
