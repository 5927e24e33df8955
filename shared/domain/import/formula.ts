/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
 * `@SUM(…)`, `+cmd|…`): an exported device name or note must never do that. Export writes such a
 * cell with a leading apostrophe, which spreadsheets read as "text"; import takes it off again, so
 * export → import gives back exactly what was stored. Text that already starts with apostrophes
 * before a formula character ("'=") gets one more, so that import takes off only ours.
 */
const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return NEEDS_ESCAPE.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && NEEDS_ESCAPE.test(cell.slice(1)) ? cell.slice(1) : cell;
}
