import type { StoreDialect } from '../dialect';
import type { Writer } from '../writer';

/**
 * Runs a delete for every device, each in its own short write, so a retention pass never holds
 * the one writer for long while cycles wait to store their results. Returns the rows removed.
 */
export async function forEachDevice(
  dialect: StoreDialect,
  writer: Writer,
  remove: (deviceId: number) => Promise<number>,
): Promise<number> {
  const ids = await dialect.db.select({ id: dialect.tables.devices.id }).from(dialect.tables.devices);
  let removed = 0;
  for (const { id } of ids) removed += await writer.run(() => remove(id));
  return removed;
}
