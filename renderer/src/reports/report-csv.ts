import Papa from 'papaparse';
import type { AvailabilityReport } from '../../../shared/contract/reports';
import { escapeFormula } from '../../../shared/domain/import/formula';

export interface CsvLabels {
  headers: string[];
  /** The name of a line of devices without a tower or tag. */
  none: string;
  total: string;
}

const HOUR_MS = 3_600_000;

/**
 * The report's lines as CSV a spreadsheet opens as is: in Portuguese `;` between cells and a
 * decimal comma (Excel in pt-BR reads `,` as the decimal mark), a BOM so accents survive, and every
 * text cell that a spreadsheet would run as a formula written as text.
 */
export function reportToCsv(report: AvailabilityReport, language: string, labels: CsvLabels): string {
  const decimal = new Intl.NumberFormat(language, {
    useGrouping: false,
    maximumFractionDigits: 3,
    minimumFractionDigits: 3,
  });
  const hours = new Intl.NumberFormat(language, {
    useGrouping: false,
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  });
  const line = (
    name: string,
    host: string,
    tower: string,
    figures: Pick<
      AvailabilityReport['total'],
      'devices' | 'monitoredMs' | 'downMs' | 'maintenanceMs' | 'availabilityPct' | 'incidents'
    >,
  ) => [
    escapeFormula(name),
    escapeFormula(host),
    escapeFormula(tower),
    String(figures.devices),
    figures.availabilityPct === null ? '' : decimal.format(figures.availabilityPct),
    hours.format(figures.monitoredMs / HOUR_MS),
    hours.format(figures.downMs / HOUR_MS),
    hours.format(figures.maintenanceMs / HOUR_MS),
    String(figures.incidents),
  ];
  const rows = [
    ...report.rows.map((row) => line(row.name ?? labels.none, row.host, row.tower ?? '', row)),
    line(labels.total, '', '', report.total),
  ];
  const delimiter = language === 'pt-BR' ? ';' : ',';
  return `\uFEFF${Papa.unparse({ fields: labels.headers, data: rows }, { delimiter, newline: '\r\n' })}\r\n`;
}
