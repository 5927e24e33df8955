import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DeviceInput, type Device, type DeviceState } from '../../../../../shared/contract/entities';
import { readHeader } from '../../../../../shared/domain/import/columns';
import {
  devicesCsv,
  importTemplateCsv,
  type ExportWords,
} from '../../../../../shared/domain/import/export-csv';
import { planImport } from '../../../../../shared/domain/import/plan';
import { readImportFile } from '../../../../../shared/domain/import/read-file';
import type { Language } from '../../../../../shared/i18n/language';
import { en } from '../../../../../renderer/src/i18n/en';
import { ptBR } from '../../../../../renderer/src/i18n/pt-BR';
import { cellText, storedDevice, storedFields, tower } from '../../../../helpers/device-arbitraries';

/** The words the UI passes: its own catalogs, so a label the import cannot read fails here. */
const words: Record<Language, ExportWords> = {
  'pt-BR': {
    kind: (k) => ptBR.kind[k],
    state: (s) => ptBR.state[s],
    yes: ptBR.devices.yes,
    no: ptBR.devices.no,
  },
  en: { kind: (k) => en.kind[k], state: (s) => en.state[s], yes: en.devices.yes, no: en.devices.no },
};
const towers = new Map([
  [7, tower(7, 'TC')],
  [8, { ...tower(8, 'TN'), latitude: -23.5505, longitude: -46.6333 }],
]);
const device = (overrides: Partial<Device>): Device => ({
  id: 1,
  name: 'OLT Centro',
  host: '10.0.0.1',
  kind: 'olt',
  vendor: 'Huawei',
  model: 'MA5800',
  towerId: null,
  parentId: null,
  tags: [],
  enabled: true,
  notes: '',
  ...storedFields,
  ...overrides,
});

async function reimport(csv: string, inventory: Device[]) {
  const reading = await readImportFile(new TextEncoder().encode(csv));
  if (!reading.ok) throw new Error(reading.reason);
  const mapping = readHeader(reading.header, () => true).mapping;
  return planImport(
    reading,
    mapping,
    { towers: [...towers.values()], devices: inventory },
    { createTowers: false },
  );
}

describe('devices CSV export in the UI’s words', () => {
  it('writes what Excel pt-BR opens as columns: BOM, ";", CRLF, decimal comma, the import’s column names', () => {
    const olt = device({ id: 1, towerId: 8, tags: ['core', 'fibra'] });
    const onu = device({ id: 2, name: 'ONU 1', host: '10.0.0.2', kind: 'cpe', parentId: 1, enabled: false });
    const states = new Map<number, DeviceState>([[1, 'up']]);
    const csv = devicesCsv([olt, onu], towers, states, 'pt-BR', words['pt-BR']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'nome;ip;tipo;torre;pai;latitude;longitude;fabricante;modelo;tags;observações;ativo;estado',
      'OLT Centro;10.0.0.1;OLT;TN;;-23,5505;-46,6333;Huawei;MA5800;"core;fibra";;sim;No ar',
      'ONU 1;10.0.0.2;CPE;;10.0.0.1;;;Huawei;MA5800;;;não;Sem dados',
      '',
    ]);
    expect(devicesCsv([olt], towers, states, 'en', words.en).slice(1).split('\r\n')[1]).toBe(
      'OLT Centro,10.0.0.1,OLT,TN,,-23.5505,-46.6333,Huawei,MA5800,core;fibra,,yes,Up',
    );
  });

  it('writes cells that a spreadsheet would run as a formula as text, and the import takes it off', async () => {
    const csv = devicesCsv(
      [
        device({
          name: '=HYPERLINK("http://x","clique")',
          vendor: '+cmd|calc',
          model: '-2+3',
          notes: '@SUM(A1)',
          tags: ['\tguia'],
        }),
        device({ id: 2, host: '10.0.0.2', name: '\rretorno', notes: 'a=1 no meio não é fórmula' }),
      ],
      towers,
      new Map(),
      'pt-BR',
      words['pt-BR'],
    );
    const [first, second] = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      delimiter: ';',
    }).data;
    expect(first).toMatchObject({
      nome: `'=HYPERLINK("http://x","clique")`,
      fabricante: "'+cmd|calc",
      modelo: "'-2+3",
      observações: "'@SUM(A1)",
      tags: "'\tguia",
    });
    expect(second).toMatchObject({ nome: "'\rretorno", observações: 'a=1 no meio não é fórmula' });
    const plan = await reimport(csv, []);
    expect(plan.request.devices.map((d) => [d.name, d.vendor, d.notes])).toEqual([
      ['=HYPERLINK("http://x","clique")', '+cmd|calc', '@SUM(A1)'],
      // The contract trims a name.
      ['retorno', 'Huawei', 'a=1 no meio não é fórmula'],
    ]);
  });

  it('never leaves a text cell starting with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(storedDevice(1), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Language>('pt-BR', 'en'),
        (devices, language) => {
          const unique = devices.map((d, i) => ({ ...d, id: i + 1, host: `${d.host}-${i}` }));
          const csv = devicesCsv(unique, towers, new Map(), language, words[language]);
          const rows = Papa.parse<string[]>(csv.slice(1), {
            delimiter: language === 'en' ? ',' : ';',
          }).data.slice(1);
          for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back exactly what was exported, in either language (export → import round trip)', async () => {
    const parent = device({ name: 'OLT Centro', host: '10.0.0.1', towerId: 7 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(storedDevice(2), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<number | null>(null, 7, 8),
        fc.boolean(),
        fc.constantFrom<Language>('pt-BR', 'en'),
        async (generated, towerId, withParent, language) => {
          const devices = generated.map((d, i) => ({
            ...d,
            id: i + 2,
            host: `${d.host}-${i}`,
            towerId,
            parentId: withParent ? 1 : null,
          }));
          const csv = devicesCsv([parent, ...devices], towers, new Map(), language, words[language]);
          // Into an inventory that has the parent but none of the exported children.
          const plan = await reimport(csv, [parent]);
          expect(plan.rows.map((row) => row.reasons)).toEqual([
            [{ key: 'import.reason.hostInInventory', params: { host: '10.0.0.1', device: 'OLT Centro' } }],
            ...devices.map(() => []),
          ]);
          const imported = plan.request.devices.map(({ tower, parent: parentRef, ...fields }, i) => ({
            ...DeviceInput.parse(fields),
            towerId: tower?.kind === 'existing' ? tower.id : null,
            parentId: parentRef?.kind === 'existing' ? parentRef.id : null,
            id: i + 2,
            ...storedFields,
          }));
          expect(imported).toEqual(devices);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers any text with rows and reasons, never a crash or an invalid device', async () => {
    // Papa Parse reports renamed duplicate headers on the console; random text has plenty.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    await fc.assert(
      fc.asyncProperty(cellText(400), async (text) => {
        const reading = await readImportFile(new TextEncoder().encode(`nome;ip;pai;torre\n${text}`));
        if (!reading.ok) return;
        const plan = planImport(
          reading,
          readHeader(reading.header, () => true).mapping,
          { towers: [], devices: [] },
          { createTowers: true },
        );
        for (const device of plan.request.devices) expect(DeviceInput.safeParse(device).success).toBe(true);
        for (const row of plan.rows) expect(row.line).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('offers an empty template with the column names of each language', () => {
    expect(importTemplateCsv('pt-BR')).toBe(
      '\uFEFFnome;ip;tipo;torre;pai;latitude;longitude;fabricante;modelo;tags;observações;ativo\r\n',
    );
    expect(importTemplateCsv('en')).toBe(
      '\uFEFFname,host,kind,tower,parent,latitude,longitude,vendor,model,tags,notes,enabled\r\n',
    );
  });
});
