import { deviceKinds } from '../../contract/vocabulary';
import { normalizeWord } from './columns';

type DeviceKind = (typeof deviceKinds)[number];

/** A kind as the contract names it, as the Portuguese UI labels it, or as NOCs write it. */
const kindAliases: Record<DeviceKind, readonly string[]> = {
  router: ['router', 'roteador', 'rb', 'concentrador', 'bng', 'bras'],
  switch: ['switch', 'sw', 'comutador'],
  backhaul: ['backhaul', 'ptp', 'enlace', 'radio enlace', 'ponto a ponto'],
  sector_ap: ['sector ap', 'sector_ap', 'setorial', 'ap', 'access point', 'painel', 'setor'],
  cpe: ['cpe', 'cliente', 'antena cliente'],
  olt: ['olt'],
  server: ['server', 'servidor'],
  optical: ['optical', 'optico', 'dwdm'],
  other: ['other', 'outro', 'outros'],
};

const kindByAlias = new Map<string, DeviceKind>(
  deviceKinds.flatMap((kind) => kindAliases[kind].map((alias) => [normalizeWord(alias), kind] as const)),
);

/** The kind a cell names; an empty cell is `other`, an unknown word `null`. */
export function kindOf(cell: string): DeviceKind | null {
  const word = normalizeWord(cell);
  if (word === '') return 'other';
  return kindByAlias.get(word) ?? null;
}

const yes = new Set(['', 'sim', 's', 'yes', 'y', 'true', 'verdadeiro', '1', 'x', 'ativo']);
const no = new Set(['nao', 'n', 'no', 'false', 'falso', '0', 'inativo']);

/** Whether the device is monitored: empty means yes, as before the column existed; `null` if unreadable. */
export function enabledOf(cell: string): boolean | null {
  const word = normalizeWord(cell);
  if (yes.has(word)) return true;
  return no.has(word) ? false : null;
}

/** Tags from one cell, separated by `;`, `,` or `|` (a quoted cell keeps them together). */
export function tagsOf(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[;,|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** A cell that writes a decimal number with a comma, as Excel in Portuguese does ("-23,5505"). */
export const decimalCommaCell = /^\s*[-+−]?\d+,\d+\s*$/;

/** A coordinate written with a dot or a comma; `undefined` for an empty cell, NaN when unreadable. */
export function coordinateOf(cell: string): number | undefined {
  const text = cell.trim().replace('−', '-');
  if (text === '') return undefined;
  const normal = decimalCommaCell.test(text) ? text.replace(',', '.') : text;
  return /^[-+]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
