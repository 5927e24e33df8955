/**
 * The columns an import reads, and the names operators give them: Portuguese or English, with the
 * aliases NOCs use in their own spreadsheets. Header cells are compared without case, accents or
 * punctuation, so "Observações", "OBSERVACOES" and "observacoes" are one column.
 */
export const importFields = [
  'name',
  'host',
  'kind',
  'tower',
  'parent',
  'latitude',
  'longitude',
  'vendor',
  'model',
  'tags',
  'notes',
  'enabled',
] as const;
export type ImportField = (typeof importFields)[number];

const fieldAliases: Record<ImportField, readonly string[]> = {
  name: ['nome', 'name', 'equipamento', 'nome do equipamento', 'device', 'device name'],
  host: ['ip', 'endereco', 'endereco ip', 'host', 'hostname', 'address', 'ip address', 'endereco de ip'],
  kind: ['tipo', 'kind', 'type', 'tipo de equipamento'],
  tower: ['torre', 'tower', 'site', 'pop', 'codigo da torre', 'tower code'],
  parent: ['pai', 'parent', 'equipamento pai', 'depende de', 'uplink', 'parent host'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'long', 'lon', 'lng'],
  vendor: ['fabricante', 'vendor', 'marca', 'manufacturer'],
  model: ['modelo', 'model'],
  tags: ['tags', 'tag', 'etiquetas', 'marcadores'],
  notes: ['observacoes', 'observacao', 'obs', 'notes', 'notas', 'comentarios', 'comments'],
  enabled: ['ativo', 'monitorar', 'habilitado', 'enabled', 'active'],
};

/** Columns the export writes for people (the live state) that an import reads past. */
const informativeHeaders = ['estado', 'state', 'status', 'situacao'];

/** What the header names in the language the file is written in; the export uses the same words. */
export const headerNames: Record<'pt-BR' | 'en', Record<ImportField, string>> = {
  'pt-BR': {
    name: 'nome',
    host: 'ip',
    kind: 'tipo',
    tower: 'torre',
    parent: 'pai',
    latitude: 'latitude',
    longitude: 'longitude',
    vendor: 'fabricante',
    model: 'modelo',
    tags: 'tags',
    notes: 'observações',
    enabled: 'ativo',
  },
  en: {
    name: 'name',
    host: 'host',
    kind: 'kind',
    tower: 'tower',
    parent: 'parent',
    latitude: 'latitude',
    longitude: 'longitude',
    vendor: 'vendor',
    model: 'model',
    tags: 'tags',
    notes: 'notes',
    enabled: 'enabled',
  },
};

/** Lower case, no accents, punctuation and runs of blanks made one space. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const fieldByAlias = new Map<string, ImportField>(
  importFields.flatMap((field) => fieldAliases[field].map((alias) => [alias, field] as const)),
);

/** A column's field; `null` to leave the column out. */
export type ColumnMapping = (ImportField | null)[];

export interface HeaderReading {
  mapping: ColumnMapping;
  /** Columns whose name no alias knows: the operator maps them or leaves them out. */
  unknown: number[];
  /** Columns with no name at all (an empty or merged header cell) that hold data. */
  unnamed: number[];
}

/** Maps each header cell to its field; a field named twice keeps its first column. */
export function readHeader(header: string[], hasData: (column: number) => boolean): HeaderReading {
  const taken = new Set<ImportField>();
  const unknown: number[] = [];
  const unnamed: number[] = [];
  const mapping = header.map((cell, column): ImportField | null => {
    const word = normalizeWord(cell);
    if (word === '') {
      if (hasData(column)) unnamed.push(column);
      return null;
    }
    if (informativeHeaders.includes(word)) return null;
    const field = fieldByAlias.get(word);
    if (field === undefined) {
      unknown.push(column);
      return null;
    }
    if (taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  return { mapping, unknown, unnamed };
}

/** The fields without which no row can be imported. */
export const requiredFields: readonly ImportField[] = ['name', 'host'];

export function missingFields(mapping: ColumnMapping): ImportField[] {
  return requiredFields.filter((field) => !mapping.includes(field));
}
