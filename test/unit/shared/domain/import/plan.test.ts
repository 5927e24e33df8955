import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../../../shared/domain/import/columns';
import { planImport, type KnownInventory } from '../../../../../shared/domain/import/plan';
import { readImportFile } from '../../../../../shared/domain/import/read-file';
import type { RawTable } from '../../../../../shared/domain/import/table';

async function excelCsv(): Promise<RawTable> {
  const reading = await readImportFile(
    new Uint8Array(readFileSync(resolve('test/fixtures/import/dispositivos-excel-utf8-bom.csv'))),
  );
  if (!reading.ok) throw new Error(reading.reason);
  return reading;
}

const empty: KnownInventory = { towers: [], devices: [] };
const mappingOf = (table: RawTable) => readHeader(table.header, () => true).mapping;
const reasonsByLine = (plan: ReturnType<typeof planImport>) =>
  Object.fromEntries(plan.rows.map((row) => [row.line, row.reasons]));

describe('planImport', () => {
  it('takes a pt-BR Excel sheet as NOCs keep it, with every bad row and its reason', async () => {
    const table = await excelCsv();
    const plan = planImport(table, mappingOf(table), empty, { createTowers: true });
    expect(plan.decimalComma).toBe(true);
    expect(reasonsByLine(plan)).toEqual({
      2: [],
      3: [],
      4: [],
      5: [],
      6: [{ key: 'validation.required', params: { field: 'host' } }],
      7: [{ key: 'import.reason.hostTwiceInFile', params: { host: '10.0.0.2', line: 3 } }],
      8: [{ key: 'import.reason.parentUnknown', params: { parent: '10.9.9.9' } }],
      9: [{ key: 'import.reason.parentCycle', params: { lines: '9 → 10 → 9' } }],
      10: [{ key: 'import.reason.parentCycle', params: { lines: '9 → 10 → 9' } }],
      11: [],
      12: [{ key: 'validation.address', params: { field: 'host' } }],
    });
    expect(plan.rows.find((row) => row.line === 11)!.warnings).toEqual([
      { key: 'import.reason.coordinatesLookSwapped', params: { latitude: -46.63, longitude: -23.55 } },
    ]);
    expect(plan.valid).toBe(5);
    expect(
      plan.newTowers.map(({ name, code, latitude, longitude }) => [name, code, latitude, longitude]),
    ).toEqual([
      ['Torre Centro', 'TORRE-CENTRO', -23.5505, -46.6333],
      ['Torre Norte', 'TORRE-NORTE', -23.48, -46.62],
      ['Torre Sul', 'TORRE-SUL', -46.63, -23.55],
    ]);
    expect(plan.request.towers.map((tower) => tower.code)).toEqual([
      'TORRE-CENTRO',
      'TORRE-NORTE',
      'TORRE-SUL',
    ]);
    expect(
      plan.request.devices.map(({ name, kind, tags, tower, parent }) => ({
        name,
        kind,
        tags,
        tower,
        parent,
      })),
    ).toEqual([
      {
        name: 'Concentrador Centro',
        kind: 'router',
        tags: ['core', 'bgp'],
        tower: { kind: 'new', index: 0 },
        parent: null,
      },
      {
        name: 'Switch Centro',
        kind: 'switch',
        tags: [],
        tower: { kind: 'new', index: 0 },
        parent: { kind: 'row', index: 0 },
      },
      // Its parent comes further down the file.
      {
        name: 'Setorial Norte 1',
        kind: 'sector_ap',
        tags: ['setor', '5ghz'],
        tower: { kind: 'new', index: 1 },
        parent: { kind: 'row', index: 3 },
      },
      {
        name: 'PTP Norte',
        kind: 'backhaul',
        tags: [],
        tower: { kind: 'new', index: 1 },
        parent: { kind: 'row', index: 1 },
      },
      { name: 'Invertido', kind: 'router', tags: [], tower: { kind: 'new', index: 2 }, parent: null },
    ]);
    expect(plan.request.devices[3]!.notes).toBe('enlace até o centro');
  });

  it('finds towers by code or name and parents in the inventory by address or name; refuses what is taken', async () => {
    const table = await excelCsv();
    const inventory: KnownInventory = {
      towers: [
        { id: 7, name: 'Torre do Centro', code: 'torre centro' },
        { id: 8, name: 'TORRE NORTE', code: 'TN' },
      ],
      devices: [
        { id: 40, name: 'Borda', host: '10.9.9.9' },
        { id: 41, name: 'Velho', host: '10.0.0.1' },
      ],
    };
    const plan = planImport(table, mappingOf(table), inventory, { createTowers: false });
    const reasons = reasonsByLine(plan);
    expect(reasons[2]).toEqual([
      { key: 'import.reason.hostInInventory', params: { host: '10.0.0.1', device: 'Velho' } },
    ]);
    // Its parent row (line 2) cannot be imported, so neither can it.
    expect(reasons[3]).toEqual([{ key: 'import.reason.parentRowInvalid', params: { line: 2 } }]);
    expect(reasons[8]).toEqual([]);
    expect(reasons[11]).toEqual([{ key: 'import.reason.towerUnknown', params: { tower: 'Torre Sul' } }]);
    expect(plan.newTowers.map((tower) => tower.name)).toEqual(['Torre Sul']);
    expect(plan.request.towers).toEqual([]);
    const orphan = plan.request.devices.find((device) => device.name === 'Órfão')!;
    expect([orphan.tower, orphan.parent]).toEqual([
      { kind: 'existing', id: 7 },
      { kind: 'existing', id: 40 },
    ]);
  });

  it('says what is wrong with kinds, flags, coordinates and field lengths, and asks coordinates for a new tower', () => {
    const table: RawTable = {
      header: ['Name', 'Endereço', 'Type', 'Tower', 'Lat', 'Long', 'Enabled', 'Tags'],
      rows: [
        ['a', '10.0.0.1', 'toaster', '', '', '', 'maybe', ''],
        ['b', '10.0.0.2', '', '', '95', '-46', 'no', ''],
        ['c', '10.0.0.3', '', 'Nova', '-23', '', '', ''],
        ['d', '10.0.0.4', '', '', '-23', 'x', '', 't'.repeat(41)],
        ['e'.repeat(121), '10.0.0.5', '', '', '-95', '-46', '', ''],
      ],
      lines: [2, 3, 4, 5, 6],
    };
    const plan = planImport(table, mappingOf(table), empty, { createTowers: true });
    expect(reasonsByLine(plan)).toEqual({
      2: [
        { key: 'import.reason.kindUnknown', params: { value: 'toaster' } },
        { key: 'import.reason.enabledUnreadable', params: { value: 'maybe' } },
      ],
      3: [{ key: 'import.reason.coordinatesSwapped', params: { latitude: 95, longitude: -46 } }],
      4: [
        { key: 'import.reason.coordinatesIncomplete', params: {} },
        { key: 'import.reason.towerNoCoordinates', params: { tower: 'Nova' } },
      ],
      5: [
        { key: 'import.reason.longitudeUnreadable', params: { value: 'x' } },
        { key: 'validation.tooLong', params: { field: 'tags', max: 40 } },
      ],
      6: [
        { key: 'import.reason.coordinatesSwapped', params: { latitude: -95, longitude: -46 } },
        { key: 'validation.tooLong', params: { field: 'name', max: 120 } },
      ],
    });
  });

  it('reads header aliases and tells which columns it does not know or that have no name', () => {
    expect(
      readHeader(
        ['NOME', 'Endereço IP', 'Observações', 'Cidade', '', 'estado', 'nome'],
        (column) => column === 4,
      ),
    ).toEqual({
      mapping: ['name', 'host', 'notes', null, null, null, null],
      unknown: [3],
      unnamed: [4],
    });
  });
});
