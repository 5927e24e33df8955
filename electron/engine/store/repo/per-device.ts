import type { StoreDialect } from '../dialect';
import { nextTurn, type Writer } from '../writer';

/**
 * Devices per statement: the (device, time) keys are walked for each id of the IN list. SQLite's
 * driver is synchronous, so a statement holds the event loop: short ones. PostgreSQL's run on the
 * server while the loop goes on, and at 100,000 devices the round trips of short ones were most
 * of a retention pass (1,000 per step).
 */
const DEVICES_PER_BATCH = { sqlite: 100, postgres: 2_000 } as const;

/**
 * Runs a delete over every device, a batch of devices at a time, each batch its own short write
 * so a retention pass never holds the one writer for long while cycles wait to store their
 * results. Between batches the event loop gets a turn: with a synchronous driver the promises
 * alone never let it run, and a pass over 10,000 devices would freeze the app. Returns the rows
 * removed.
 */
export async function forDeviceBatches(
  dialect: StoreDialect,
  writer: Writer,
  remove: (deviceIds: number[]) => Promise<number>,
): Promise<number> {
  const rows = await dialect.db.select({ id: dialect.tables.devices.id }).from(dialect.tables.devices);
  const ids = rows.map((row) => row.id);
  let removed = 0;
  const size = DEVICES_PER_BATCH[dialect.name];
  for (let start = 0; start < ids.length; start += size) {
    if (start > 0) await nextTurn();
    const batch = ids.slice(start, start + size);
    removed += await writer.run(() => remove(batch));
  }
  return removed;
}
