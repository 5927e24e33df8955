import { unzipSync, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../contract/inventory-import';
import { decodeText, isZip, type TextEncoding } from './decode';
import { csvTable, sheetTable, type CsvDelimiter, type RawTable } from './table';

/** How the file was read, as the preview shows it. */
export type FileSource =
  { format: 'csv'; encoding: TextEncoding; delimiter: CsvDelimiter } | { format: 'xlsx' };

/** Why a file cannot be previewed at all; the UI says it in the operator's language. */
export type FileProblem =
  | { reason: 'tooLarge'; bytes: number; max: number }
  | { reason: 'tooManyRows'; rows: number; max: number }
  | { reason: 'binary' }
  | { reason: 'unreadableSheet' }
  | { reason: 'empty' };

export type FileReading = ({ ok: true; source: FileSource } & RawTable) | ({ ok: false } & FileProblem);

/**
 * Reads an import file: an `.xlsx` (its first sheet) by its content, anything else as CSV text.
 * A file too large, with too many rows, binary, or without a single row is refused with the
 * reason before any row is checked.
 */
export async function readImportFile(bytes: Uint8Array): Promise<FileReading> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return { ok: false, reason: 'tooLarge', bytes: bytes.byteLength, max: MAX_IMPORT_BYTES };
  let table: RawTable;
  let source: FileSource;
  if (isZip(bytes)) {
    try {
      table = sheetTable(await readSheet(storedZip(bytes)));
    } catch {
      return { ok: false, reason: 'unreadableSheet' };
    }
    source = { format: 'xlsx' };
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, reason: 'binary' };
    const csv = csvTable(decoded.text);
    table = csv;
    source = { format: 'csv', encoding: decoded.encoding, delimiter: csv.delimiter };
  }
  if (table.rows.length === 0) return { ok: false, reason: 'empty' };
  if (table.rows.length > MAX_IMPORT_ROWS)
    return { ok: false, reason: 'tooManyRows', rows: table.rows.length, max: MAX_IMPORT_ROWS };
  return { ok: true, source, ...table };
}

/**
 * The sheet's XML parts re-packed without compression. The reader inflates large parts in extra
 * workers started from blob: URLs, which the page's content security policy forbids (and which
 * would only add threads to a read that already runs in the import's worker); stored parts are
 * read on the spot.
 */
function storedZip(bytes: Uint8Array): ArrayBuffer {
  const parts = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/.test(file.name) });
  return zipSync(parts, { level: 0 }).slice().buffer;
}
