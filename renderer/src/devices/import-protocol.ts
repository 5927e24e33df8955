import type { ColumnMapping, HeaderReading } from '../../../shared/domain/import/columns';
import type { ImportPlan, KnownInventory } from '../../../shared/domain/import/plan';
import type { FileProblem, FileSource } from '../../../shared/domain/import/read-file';

/** What the page asks the import worker: read a file (kept there), then plan it with a mapping. */
export type ImportRequest =
  | { id: number; type: 'read'; bytes: ArrayBuffer }
  | { id: number; type: 'plan'; mapping: ColumnMapping; inventory: KnownInventory; createTowers: boolean };

/** A read file as the page needs it: how it was read, its header and a sample row for mapping. */
export interface ReadSummary {
  source: FileSource;
  header: string[];
  sample: string[];
  rows: number;
  headerReading: HeaderReading;
}

export type ImportAnswer =
  | { id: number; type: 'read'; reading: ({ ok: true } & ReadSummary) | ({ ok: false } & FileProblem) }
  | { id: number; type: 'plan'; plan: ImportPlan }
  | { id: number; type: 'failed' };
