import { getClient } from '../client';
import { download } from '../devices/csv-export';

/** The server's PDF of the report (see electron/server/report-pdf.ts), fetched with the page's session. */
export const REPORT_PDF_PATH = '/reports/pdf';

/**
 * The report as PDF: in the desktop app the main process prints this very page (its print
 * stylesheet) and asks where to save it; in a browser the server prints it in headless Chromium.
 */
export async function exportPdf(options: {
  runtime: 'electron' | 'headless';
  query: string;
  language: string;
  fileName: string;
}): Promise<boolean> {
  if (options.runtime === 'electron')
    return (await getClient().invoke('reports.printPdf', { fileName: options.fileName })).saved;
  const response = await fetch(
    `${REPORT_PDF_PATH}?${options.query}&lang=${encodeURIComponent(options.language)}`,
    {
      credentials: 'same-origin',
    },
  );
  if (!response.ok) throw new Error((await response.text()) || response.statusText);
  download(options.fileName, await response.blob());
  return true;
}
