import { readHeader } from '../../../shared/domain/import/columns';
import { planImport } from '../../../shared/domain/import/plan';
import { readImportFile } from '../../../shared/domain/import/read-file';
import type { RawTable } from '../../../shared/domain/import/table';
import type { ImportAnswer, ImportRequest } from './import-protocol';

/**
 * The import's heavy work, off the page's thread: unzipping and reading a sheet, decoding and
 * splitting a CSV, and checking every row. The last file read stays here, so a new column mapping
 * or the "create towers" choice plans again without sending the file back.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportAnswer): void;
}
const scope = self as unknown as WorkerScope;
let table: RawTable | null = null;

scope.onmessage = ({ data: request }) => {
  void answer(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => {
      console.error('import worker', error);
      scope.postMessage({ id: request.id, type: 'failed' });
    },
  );
};

async function answer(request: ImportRequest): Promise<ImportAnswer> {
  if (request.type === 'read') {
    table = null;
    const reading = await readImportFile(new Uint8Array(request.bytes));
    if (!reading.ok) return { id: request.id, type: 'read', reading };
    table = reading;
    const hasData = (column: number) => reading.rows.some((row) => (row[column] ?? '').trim() !== '');
    return {
      id: request.id,
      type: 'read',
      reading: {
        ok: true,
        source: reading.source,
        header: reading.header,
        sample: reading.rows[0] ?? [],
        rows: reading.rows.length,
        headerReading: readHeader(reading.header, hasData),
      },
    };
  }
  if (!table) return { id: request.id, type: 'failed' };
  return {
    id: request.id,
    type: 'plan',
    plan: planImport(table, request.mapping, request.inventory, { createTowers: request.createTowers }),
  };
}
