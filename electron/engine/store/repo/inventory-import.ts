import type { Device, Tower, TowerInput } from '../../../../shared/contract/entities';
import { TowerInput as TowerInputSchema } from '../../../../shared/contract/entities';
import { ImportDeviceRow } from '../../../../shared/contract/inventory-import';
import { isForeignKeyViolation, isUniqueViolation } from '../errors';
import { StoreError, type Repository } from '../repository';
import { chunksFor, nextTurn } from '../writer';
import type { RepoContext } from './context';

const TOWER_COLUMNS = 12;
const DEVICE_COLUMNS = 14;
/** As for `devices.createMany`: short statements with a turn between them, one transaction. */
const ROWS_PER_STATEMENT = 250;

/**
 * Writes an import's towers and devices in one transaction: towers first, then devices in waves
 * (a device whose parent is another row comes in the wave after its parent's), so every tower
 * and parent reference is an id by the time its row is inserted. Any failure writes nothing.
 */
export function inventoryImportRepository({
  dialect,
  writer,
  now,
}: RepoContext): Repository['inventoryImport'] {
  const { tables } = dialect;
  return {
    write: (towerInputs: TowerInput[], deviceRows: ImportDeviceRow[]) =>
      writer.run(async () => {
        const at = now();
        const stamp = { createdAt: at, updatedAt: at };
        const towerRows = towerInputs.map((input) => ({ ...TowerInputSchema.parse(input), ...stamp }));
        const rows = deviceRows.map((row) => ImportDeviceRow.parse(row));
        try {
          return await dialect.transaction(async (tx) => {
            let turned = false;
            const inChunks = async <R, T>(
              items: R[],
              columns: number,
              insert: (chunk: R[]) => Promise<T[]>,
            ) => {
              const out: T[] = [];
              for (const chunk of chunksFor(items, columns, dialect.maxParams, ROWS_PER_STATEMENT)) {
                if (turned) await nextTurn();
                turned = true;
                out.push(...(await insert(chunk)));
              }
              return out;
            };
            const towers: Tower[] = await inChunks(towerRows, TOWER_COLUMNS, (chunk) =>
              tx.insert(tables.towers).values(chunk).returning(),
            );
            const ids = new Array<number | undefined>(rows.length);
            const devices: Device[] = [];
            for (const wave of waves(rows)) {
              const values = wave.map((i) => {
                const { tower, parent, ...fields } = rows[i]!;
                return {
                  ...fields,
                  towerId:
                    tower === null ? null : tower.kind === 'existing' ? tower.id : towers[tower.index]!.id,
                  parentId:
                    parent === null ? null : parent.kind === 'existing' ? parent.id : ids[parent.index]!,
                  ...stamp,
                };
              });
              const created = await inChunks(values, DEVICE_COLUMNS, (chunk) =>
                tx.insert(tables.devices).values(chunk).returning(),
              );
              created.forEach((device, position) => (ids[wave[position]!] = device.id));
              devices.push(...created);
            }
            return { towers, devices };
          });
        } catch (error) {
          if (isUniqueViolation(error))
            throw new StoreError('conflict', 'An imported address or tower code is already in use.', {
              cause: error,
            });
          if (isForeignKeyViolation(error))
            throw new StoreError('invalid', 'An imported tower or parent no longer exists.', {
              cause: error,
            });
          throw error;
        }
      }),
  };
}

/** Row indexes in insertion order: each wave's parents are all in earlier waves (rows form no loop). */
function waves(rows: readonly ImportDeviceRow[]): number[][] {
  const depth = new Array<number>(rows.length);
  const depthOf = (i: number): number => {
    const known = depth[i];
    if (known !== undefined) return known;
    // Iterative walk: a chain of 10,000 parents must not overflow the stack.
    const chain: number[] = [];
    let at: number | undefined = i;
    while (at !== undefined && depth[at] === undefined) {
      if (chain.length > rows.length) throw new StoreError('invalid', 'Imported parents form a loop.');
      chain.push(at);
      const parent: ImportDeviceRow['parent'] = rows[at]!.parent;
      at = parent?.kind === 'row' ? parent.index : undefined;
    }
    let next = at === undefined ? -1 : depth[at]!;
    for (const row of chain.reverse()) depth[row] = ++next;
    return depth[i]!;
  };
  const byDepth: number[][] = [];
  rows.forEach((_row, i) => (byDepth[depthOf(i)] ??= []).push(i));
  return byDepth;
}
