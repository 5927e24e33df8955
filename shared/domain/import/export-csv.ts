import Papa from 'papaparse';
import type { Device, DeviceKind, DeviceState, Tower } from '../../contract/entities';
import type { Language } from '../../i18n/language';
import { headerNames, importFields, type ImportField } from './columns';
import { escapeFormula } from './formula';

/** The words of the operator's language that cells carry (the import reads them back). */
export interface ExportWords {
  kind(kind: DeviceKind): string;
  state(state: DeviceState): string;
  yes: string;
  no: string;
}

/** How each language's Excel opens a CSV as columns: pt-BR splits on `;` and writes `-23,55`. */
const style: Record<Language, { delimiter: string; decimal: string }> = {
  'pt-BR': { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

const stateHeader: Record<Language, string> = { 'pt-BR': 'estado', en: 'state' };

/**
 * The device list as a CSV that Excel opens as columns and the import reads back unchanged: a
 * BOM (Excel otherwise reads UTF-8 as ANSI), the language's delimiter and decimal mark, the
 * import's own column names, the tower by its (unique) code with its coordinates, the parent by
 * its address. Text that a spreadsheet would run as a formula is written as text.
 */
export function devicesCsv(
  devices: readonly Device[],
  towers: ReadonlyMap<number, Tower>,
  states: ReadonlyMap<number, DeviceState>,
  language: Language,
  words: ExportWords,
): string {
  const { delimiter, decimal } = style[language];
  const hostOf = new Map(devices.map((device) => [device.id, device.host]));
  const number = (value: number) => String(value).replace('.', decimal);
  const rows = devices.map((device) => {
    const tower = device.towerId === null ? undefined : towers.get(device.towerId);
    const text: Record<Exclude<ImportField, 'latitude' | 'longitude'>, string> = {
      name: device.name,
      host: device.host,
      kind: words.kind(device.kind),
      tower: tower?.code ?? '',
      parent: device.parentId === null ? '' : (hostOf.get(device.parentId) ?? ''),
      vendor: device.vendor,
      model: device.model,
      tags: device.tags.join(';'),
      notes: device.notes,
      // Without it an export → import would switch every paused device back on.
      enabled: device.enabled ? words.yes : words.no,
    };
    // Coordinates are numbers, never formulas: "-23,55" stays a number in the sheet.
    const coordinates = {
      latitude: tower ? number(tower.latitude) : '',
      longitude: tower ? number(tower.longitude) : '',
    };
    return [
      ...importFields.map((field) =>
        field === 'latitude' || field === 'longitude' ? coordinates[field] : escapeFormula(text[field]),
      ),
      escapeFormula(words.state(states.get(device.id) ?? 'unknown')),
    ];
  });
  const header = [...importFields.map((field) => headerNames[language][field]), stateHeader[language]];
  return `\uFEFF${Papa.unparse([header, ...rows], { delimiter, newline: '\r\n' })}\r\n`;
}

/** An empty sheet with the column names the import reads, to fill in. */
export function importTemplateCsv(language: Language): string {
  const header = importFields.map((field) => headerNames[language][field]);
  return `\uFEFF${Papa.unparse([header], { delimiter: style[language].delimiter, newline: '\r\n' })}\r\n`;
}
