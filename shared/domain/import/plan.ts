import { DeviceInput } from '../../contract/entities';
import type {
  ImportDeviceRow,
  ImportParentRef,
  ImportTowerRef,
  InventoryImport,
} from '../../contract/inventory-import';
import { zodIssueReason, type Reason } from '../validation/issue-reason';
import type { ColumnMapping, ImportField } from './columns';
import { readCoordinates } from './coordinates';
import { parentCycles, resolveParents, type KnownDevice, type ParentResolution } from './parents';
import type { RawTable } from './table';
import { TowerResolver, type KnownTower, type NewTower, type TowerResolution } from './towers';
import { decimalCommaCell, enabledOf, kindOf, tagsOf } from './values';

export interface KnownInventory {
  towers: readonly KnownTower[];
  devices: readonly KnownDevice[];
}

export interface PlannedRow {
  line: number;
  cells: Partial<Record<ImportField, string>>;
  /** Why the row cannot be imported; empty when it can. */
  reasons: Reason[];
  /** What the operator should look at, though the row can be imported. */
  warnings: Reason[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Towers the file names that the inventory lacks, created with the rows when the operator agrees. */
  newTowers: NewTower[];
  /** Some coordinate was written with a decimal comma. */
  decimalComma: boolean;
  valid: number;
  /** What `inventory.import` takes for the valid rows. */
  request: InventoryImport;
}

const DeviceFields = DeviceInput.omit({ towerId: true, parentId: true });
const reason = (key: string, params: Record<string, string | number> = {}): Reason => ({
  key: `import.reason.${key}`,
  params,
});

interface Draft {
  row: PlannedRow;
  fields: Omit<ImportDeviceRow, 'tower' | 'parent'> | null;
  tower: TowerResolution;
  parent: ParentResolution;
}

/**
 * The preview: every row checked against the contract, the other rows and the inventory, each
 * with all its reasons. Nothing here writes; `request` holds the rows that can be imported,
 * with their towers and parents as references the engine resolves in its one transaction.
 */
export function planImport(
  table: RawTable,
  mapping: ColumnMapping,
  inventory: KnownInventory,
  options: { createTowers: boolean },
): ImportPlan {
  const towers = new TowerResolver(inventory.towers);
  const inInventory = new Map(
    inventory.devices.map((device) => [device.host.trim().toLowerCase(), device.name]),
  );
  const firstLineOfHost = new Map<string, number>();
  let decimalComma = false;

  const drafts: Draft[] = table.rows.map((cellsOfRow, i) => {
    const cells: Partial<Record<ImportField, string>> = {};
    mapping.forEach((field, column) => {
      // Notes keep their blanks and line breaks; every other cell is a word or a number.
      if (field)
        cells[field] = field === 'notes' ? (cellsOfRow[column] ?? '') : (cellsOfRow[column] ?? '').trim();
    });
    const line = table.lines[i]!;
    const row: PlannedRow = { line, cells, reasons: [], warnings: [] };
    const cell = (field: ImportField) => cells[field] ?? '';
    if (decimalCommaCell.test(cell('latitude')) || decimalCommaCell.test(cell('longitude')))
      decimalComma = true;

    const coordinates = readCoordinates(cell('latitude'), cell('longitude'));
    row.reasons.push(...coordinates.reasons);
    row.warnings.push(...coordinates.warnings);
    const kind = kindOf(cell('kind'));
    if (kind === null) row.reasons.push(reason('kindUnknown', { value: cell('kind') }));
    const enabled = enabledOf(cell('enabled'));
    if (enabled === null) row.reasons.push(reason('enabledUnreadable', { value: cell('enabled') }));
    const checked = DeviceFields.safeParse({
      name: cell('name'),
      host: cell('host'),
      kind: kind ?? 'other',
      vendor: cell('vendor'),
      model: cell('model'),
      tags: tagsOf(cell('tags')),
      notes: cell('notes'),
      enabled: enabled ?? true,
    });
    if (!checked.success) row.reasons.push(...firstPerField(checked.error.issues.map(zodIssueReason)));

    const host = cell('host').toLowerCase();
    if (host !== '') {
      const first = firstLineOfHost.get(host);
      if (first !== undefined)
        row.reasons.push(reason('hostTwiceInFile', { host: cell('host'), line: first }));
      else firstLineOfHost.set(host, line);
      const owner = inInventory.get(host);
      if (owner !== undefined)
        row.reasons.push(reason('hostInInventory', { host: cell('host'), device: owner }));
    }
    const tower = towers.resolve(cell('tower'), line, coordinates.point);
    return { row, fields: checked.success ? checked.data : null, tower, parent: { kind: 'none' } };
  });

  const parents = resolveParents(
    drafts.map(({ row }) => ({
      name: row.cells.name ?? '',
      host: row.cells.host ?? '',
      parent: row.cells.parent ?? '',
    })),
    inventory.devices,
  );
  drafts.forEach((draft, i) => {
    draft.parent = parents[i]!;
    if (draft.parent.kind === 'problem') draft.row.reasons.push(draft.parent.reason);
    if (draft.tower.kind === 'new') {
      if (!options.createTowers)
        draft.row.reasons.push(reason('towerUnknown', { tower: towers.created[draft.tower.index]!.name }));
      else draft.row.reasons.push(...towers.problems(draft.tower.index));
    }
  });
  for (const cycle of parentCycles(parents)) {
    const lines = [...cycle, cycle[0]!].map((i) => drafts[i]!.row.line).join(' → ');
    for (const i of cycle) drafts[i]!.row.reasons.push(reason('parentCycle', { lines }));
  }
  markOrphans(drafts);
  return {
    rows: drafts.map((draft) => draft.row),
    newTowers: towers.created,
    decimalComma,
    ...requestOf(drafts, towers.created),
  };
}

/** One reason per field: an empty address is missing, not also malformed. */
function firstPerField(reasons: Reason[]): Reason[] {
  const seen = new Set<string | number | undefined>();
  return reasons.filter((reason) => !seen.has(reason.params.field) && seen.add(reason.params.field));
}

/** A row whose parent row cannot be imported cannot be either (its parent would be missing). */
function markOrphans(drafts: Draft[]): void {
  const settled = new Uint8Array(drafts.length);
  const visit = (i: number): boolean => {
    const draft = drafts[i]!;
    if (settled[i]) return draft.row.reasons.length === 0;
    settled[i] = 1;
    if (draft.parent.kind === 'row' && draft.row.reasons.length === 0 && !visit(draft.parent.index))
      draft.row.reasons.push(reason('parentRowInvalid', { line: drafts[draft.parent.index]!.row.line }));
    return draft.row.reasons.length === 0;
  };
  drafts.forEach((_draft, i) => visit(i));
}

/** The valid rows as the API takes them: row and tower references renumbered among what is sent. */
function requestOf(drafts: Draft[], created: NewTower[]): Pick<ImportPlan, 'valid' | 'request'> {
  const rowIndex = new Map<number, number>();
  const towerIndex = new Map<number, number>();
  const towersSent: Omit<InventoryImport, 'by'>['towers'] = [];
  const kept = drafts.flatMap((draft, i) =>
    draft.row.reasons.length === 0 && draft.fields ? [[draft, i] as const] : [],
  );
  kept.forEach(([, i], position) => rowIndex.set(i, position));
  const devices = kept.map(([draft]): ImportDeviceRow => {
    let tower: ImportTowerRef | null = null;
    if (draft.tower.kind === 'existing') tower = draft.tower;
    if (draft.tower.kind === 'new') {
      const from = draft.tower.index;
      if (!towerIndex.has(from)) {
        const { name, code, latitude, longitude } = created[from]!;
        towerIndex.set(from, towersSent.length);
        towersSent.push({ name, code, latitude: latitude!, longitude: longitude! });
      }
      tower = { kind: 'new', index: towerIndex.get(from)! };
    }
    let parent: ImportParentRef | null = null;
    if (draft.parent.kind === 'existing') parent = draft.parent;
    if (draft.parent.kind === 'row') parent = { kind: 'row', index: rowIndex.get(draft.parent.index)! };
    return { ...draft.fields!, tower, parent };
  });
  return { valid: kept.length, request: { towers: towersSent, devices } };
}
