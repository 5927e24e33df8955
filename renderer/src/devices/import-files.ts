import { MAX_IMPORT_BYTES } from '../../../shared/contract/inventory-import';
import { importTemplateCsv } from '../../../shared/domain/import/export-csv';
import type { Language } from '../../../shared/i18n/language';
import { download } from './csv-export';

/** A file too large is refused by its size alone, before a byte is read. */
export function oversized(file: Blob): { size: number; max: number } | null {
  if (file.size <= MAX_IMPORT_BYTES) return null;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { size: mb(file.size), max: mb(MAX_IMPORT_BYTES) };
}

export function downloadTemplate(language: Language): void {
  download(
    language === 'pt-BR' ? 'modelo-equipamentos.csv' : 'devices-template.csv',
    importTemplateCsv(language),
  );
}
