import type { ReportRow } from '../../../shared/contract/reports';

export const sortColumns = [
  'name',
  'devices',
  'availabilityPct',
  'downMs',
  'maintenanceMs',
  'incidents',
] as const;
export type SortColumn = (typeof sortColumns)[number];
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

/** Rows in the chosen order; rows with nothing monitored (no availability) always last, then by name. */
export function sortRows(rows: readonly ReportRow[], sort: Sort, collator: Intl.Collator): ReportRow[] {
  const direction = sort.descending ? -1 : 1;
  const byName = (a: ReportRow, b: ReportRow) => collator.compare(a.name ?? '', b.name ?? '');
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return direction * byName(a, b);
    const left = a[sort.column];
    const right = b[sort.column];
    if (left === null || right === null) return left === right ? byName(a, b) : left === null ? 1 : -1;
    return direction * (left - right) || byName(a, b);
  });
}

/** Clicking a column sorts by it; clicking it again turns the order around. */
export const nextSort = (current: Sort, column: SortColumn): Sort =>
  current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: column !== 'name' && column !== 'availabilityPct' };
