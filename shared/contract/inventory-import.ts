import { z } from 'zod';
import { DeviceInput, TowerInput } from './entities';

/** At most this many rows per import: a file with more is refused with the count, before any preview. */
export const MAX_IMPORT_ROWS = 20_000;
/** A file larger than this is refused before it is read (a 20,000-row device list is about 2 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const id = z.number().int().positive();
const index = z.number().int().nonnegative();

/** A device's tower: one already in the inventory, or one this import creates (index in `towers`). */
export const ImportTowerRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id }),
  z.object({ kind: z.literal('new'), index }),
]);
export type ImportTowerRef = z.infer<typeof ImportTowerRef>;

/** A device's parent: one already in the inventory, or another row of this import (index in `devices`). */
export const ImportParentRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id }),
  z.object({ kind: z.literal('row'), index }),
]);
export type ImportParentRef = z.infer<typeof ImportParentRef>;

export const ImportDeviceRow = DeviceInput.omit({ towerId: true, parentId: true }).extend({
  tower: ImportTowerRef.nullable(),
  parent: ImportParentRef.nullable(),
});
export type ImportDeviceRow = z.input<typeof ImportDeviceRow>;

export const InventoryImport = z.object({
  towers: z.array(TowerInput).max(MAX_IMPORT_ROWS),
  devices: z.array(ImportDeviceRow).min(1).max(MAX_IMPORT_ROWS),
});
export type InventoryImport = z.input<typeof InventoryImport>;

export const inventoryImportApiMethods = {
  /** The rows an operator confirmed in the preview, with the towers it creates: all in one transaction, or none. */
  'inventory.import': {
    input: InventoryImport,
    output: z.object({ towers: z.number().int().nonnegative(), devices: z.number().int().nonnegative() }),
  },
} as const;
