import { eq } from 'drizzle-orm';
import type { Device, DeviceInput } from '../../../../shared/contract/entities';
import { DeviceInput as DeviceInputSchema } from '../../../../shared/contract/entities';
import { isForeignKeyViolation, isUniqueViolation } from '../errors';
import { StoreError, type MaintenanceFields, type Repository } from '../repository';
import { chunksFor, nextTurn } from '../writer';
import type { RepoContext } from './context';

function explain(error: unknown, host?: string): never {
  if (isUniqueViolation(error)) {
    throw new StoreError('conflict', `A device with address "${host}" already exists.`, { cause: error });
  }
  if (isForeignKeyViolation(error)) {
    throw new StoreError('invalid', 'The tower or parent device given does not exist.', { cause: error });
  }
  throw error;
}

const DEVICE_COLUMNS = 14;
/**
 * Rows per insert of an import: about 20 ms each on SQLite, with a turn for the event loop between
 * them, so a 10,000-row import never keeps the engine from answering (it stays one transaction).
 */
const IMPORT_ROWS_PER_STATEMENT = 250;

export function devicesRepository({ dialect, writer, now }: RepoContext): Repository['devices'] {
  const { db, tables } = dialect;
  const d = tables.devices;
  const get = async (id: number): Promise<Device | null> =>
    (await db.select().from(d).where(eq(d.id, id)))[0] ?? null;
  const mustGet = async (id: number): Promise<Device> => {
    const device = await get(id);
    if (!device) throw new StoreError('not_found', `Device ${id} does not exist.`);
    return device;
  };
  return {
    list: () => dialect.allDevices(),
    get,
    create: (input: DeviceInput) =>
      writer.run(async () => {
        const row = DeviceInputSchema.parse(input);
        const at = now();
        try {
          const [created] = await db
            .insert(d)
            .values({ ...row, createdAt: at, updatedAt: at })
            .returning();
          return created!;
        } catch (error) {
          explain(error, row.host);
        }
      }),
    createMany: (inputs) =>
      writer.run(async () => {
        const at = now();
        try {
          return await dialect.transaction(async (tx) => {
            const created: Device[] = [];
            const chunks = chunksFor(inputs, DEVICE_COLUMNS, dialect.maxParams, IMPORT_ROWS_PER_STATEMENT);
            for (const [i, chunk] of chunks.entries()) {
              if (i > 0) await nextTurn();
              // Checked a statement at a time: 10,000 rows at once would be one long task of its own.
              const rows = chunk.map((input) => ({
                ...DeviceInputSchema.parse(input),
                createdAt: at,
                updatedAt: at,
              }));
              created.push(...(await tx.insert(d).values(rows).returning()));
            }
            return created;
          });
        } catch (error) {
          explain(error, '(one of the imported rows)');
        }
      }),
    update: (id, patch) =>
      writer.run(async () => {
        try {
          const [updated] = await db
            .update(d)
            .set({ ...patch, updatedAt: now() })
            .where(eq(d.id, id))
            .returning();
          return updated ?? mustGet(id);
        } catch (error) {
          explain(error, patch.host);
        }
      }),
    setMaintenance: (id: number, fields: MaintenanceFields) =>
      writer.run(async () => {
        const [updated] = await db
          .update(d)
          .set({ ...fields, updatedAt: now() })
          .where(eq(d.id, id))
          .returning();
        return updated ?? mustGet(id);
      }),
    delete: (id) =>
      writer.run(async () => {
        await db.delete(d).where(eq(d.id, id));
      }),
  };
}
