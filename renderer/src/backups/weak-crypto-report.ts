import Papa from 'papaparse';
import type { BackupRow } from '../../../shared/contract/backup';
import { escapeFormula } from '../../../shared/domain/import/formula';

export interface WeakCryptoColumns {
  device: string;
  host: string;
  profile: string;
  algorithms: string;
  lastOk: string;
}

/**
 * The devices that still need weak SSH crypto, as a spreadsheet the NOC hands to whoever upgrades
 * them: one row per device, in the page's language. `;`-separated with a BOM, so that Excel in
 * Portuguese opens it as columns; no cell a spreadsheet would run as a formula.
 */
export function weakCryptoCsv(
  rows: readonly BackupRow[],
  columns: WeakCryptoColumns,
  words: { profile: (row: BackupRow) => string; lastOk: (row: BackupRow) => string },
): string {
  const data = rows
    .filter((row) => row.weakCrypto.length > 0)
    .map((row) =>
      [row.deviceName, row.host, words.profile(row), row.weakCrypto.join(', '), words.lastOk(row)].map(
        escapeFormula,
      ),
    );
  const header = [columns.device, columns.host, columns.profile, columns.algorithms, columns.lastOk];
  return '\uFEFF' + Papa.unparse([header, ...data], { delimiter: ';', newline: '\r\n' });
}
