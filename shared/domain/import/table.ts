import Papa from 'papaparse';
import { unescapeFormula } from './formula';

/** What a file holds before its columns mean anything: the header and the data rows, as text. */
export interface RawTable {
  header: string[];
  rows: string[][];
  /** The file's line (1-based, header = 1) of each data row, as a spreadsheet numbers it. */
  lines: number[];
}

export type CsvDelimiter = ';' | ',' | '\t' | '|';
const delimiters: CsvDelimiter[] = [';', ',', '\t', '|'];

/**
 * Splits CSV text into cells; the delimiter is the one that gives the header and the first rows
 * the same number of columns (Papa Parse's guess among `;`, `,`, tab and `|`). Blank lines are
 * dropped; quoted cells keep their delimiters and line breaks.
 */
export function csvTable(text: string): RawTable & { delimiter: CsvDelimiter } {
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: delimiters,
    skipEmptyLines: 'greedy',
    // The export writes a cell a spreadsheet would run as a formula with a leading apostrophe.
    transform: unescapeFormula,
  });
  const delimiter = (delimiters as string[]).includes(parsed.meta.delimiter)
    ? (parsed.meta.delimiter as CsvDelimiter)
    : ';';
  const [header = [], ...rows] = parsed.data;
  return { header, rows, lines: rows.map((_row, i) => i + 2), delimiter };
}

/** A sheet's cells as text: numbers as written in the file (a dot), dates as ISO, empty as ''. */
export function sheetTable(cells: readonly (readonly unknown[])[]): RawTable {
  const text = cells.map((row) => row.map(cellText));
  const [header = [], ...rest] = text;
  const rows: string[][] = [];
  const lines: number[] = [];
  rest.forEach((row, i) => {
    if (row.some((cell) => cell.trim() !== '')) {
      rows.push(row);
      lines.push(i + 2);
    }
  });
  return { header, rows, lines };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
