import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { ApiOutput } from '../../shared/contract/api';

/**
 * Prints the page the operator is looking at (the Reports page, laid out by its print stylesheet)
 * to a PDF and asks where to save it. Chromium's own print path: what is on screen is what is saved.
 */
export async function printReportToPdf(
  contents: WebContents,
  fileName: string,
): Promise<ApiOutput<'reports.printPdf'>> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', landscape: true, printBackground: false });
  const owner = BrowserWindow.fromWebContents(contents);
  const options = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFile(choice.filePath, pdf);
  return { saved: true };
}
