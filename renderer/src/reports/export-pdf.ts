import { REPORT_PDF_PATH } from '../../../shared/contract/reports';
import { getClient } from '../client';
import { download } from '../devices/csv-export';

/**
 * The report as PDF: in the desktop app the main process prints this very page (its print
 * stylesheet) and asks where to save it; in a browser the server prints the same page in headless
 * Chromium (electron/server/report-pdf.ts), fetched here with the page's own session.
 */
export async function exportPdf(options: {
  runtime: 'electron' | 'headless';
  query: string;
  fileName: string;
}): Promise<boolean> {
  if (options.runtime === 'electron')
    return (await getClient().invoke('reports.printPdf', { fileName: options.fileName })).saved;
  const response = await fetch(`${REPORT_PDF_PATH}?${options.query}`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error((await response.text()) || response.statusText);
  download(options.fileName, await response.blob());
  return true;
}
