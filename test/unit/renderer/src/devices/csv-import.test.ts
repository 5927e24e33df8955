import { describe, expect, it } from 'vitest';
import type { Device, Tower } from '../../../../../shared/contract/entities';
import { parseDeviceCsv } from '../../../../../renderer/src/devices/csv-import';

const towers = [{ id: 3, code: 'CG-02', name: 'Torre Catolé' } as Tower];
const devices = [{ id: 9, host: '100.64.0.1', name: 'OLT Centro' } as Device];

describe('the CSV import parser', () => {
  it('reads every column, matching towers by code and parents by address, case-insensitively', () => {
    const csv = [
      ' Name , HOST ,kind,tower,parent,vendor,model,tags,notes',
      'CPE Ana,100.64.1.10,cpe,cg-02,100.64.0.1,Ubiquiti,LiteBeam,cliente; fibra |vip,portão azul',
    ].join('\n');
    expect(parseDeviceCsv(csv, towers, devices)).toEqual([
      {
        line: 2,
        errors: [],
        raw: {
          name: 'CPE Ana',
          host: '100.64.1.10',
          kind: 'cpe',
          tower: 'cg-02',
          parent: '100.64.0.1',
          vendor: 'Ubiquiti',
          model: 'LiteBeam',
          tags: 'cliente; fibra |vip',
          notes: 'portão azul',
        },
        input: {
          name: 'CPE Ana',
          host: '100.64.1.10',
          kind: 'cpe',
          vendor: 'Ubiquiti',
          model: 'LiteBeam',
          towerId: 3,
          parentId: 9,
          tags: ['cliente', 'fibra', 'vip'],
          enabled: true,
          notes: 'portão azul',
        },
      },
    ]);
  });

  it('defaults an empty kind to other and leaves tower and parent empty', () => {
    const [row] = parseDeviceCsv('name,host,kind\nRádio,100.64.2.1,', towers, devices);
    expect(row!.errors).toEqual([]);
    expect(row!.input).toMatchObject({ kind: 'other', towerId: null, parentId: null, tags: [] });
  });

  it('names what is wrong in each bad row, with its line in the file, and keeps no input for it', () => {
    const csv = [
      'name,host,kind,tower,parent',
      'Sem endereço,,cpe,,',
      'Torre errada,100.64.3.1,cpe,XX-99,',
      'Pai errado,100.64.3.2,cpe,,10.0.0.254',
      'Já existe,100.64.0.1,cpe,,',
      'Primeiro,100.64.3.3,cpe,,',
      'Repetido,100.64.3.3,cpe,,',
      'Tipo errado,100.64.3.4,torradeira,,',
    ].join('\n');
    const rows = parseDeviceCsv(csv, towers, devices);
    expect(rows.map((row) => [row.line, row.input === null, row.errors.length])).toEqual([
      [2, true, 2],
      [3, true, 1],
      [4, true, 1],
      [5, true, 1],
      [6, false, 0],
      [7, true, 1],
      [8, true, 1],
    ]);
    // An empty host fails both its length and its address check.
    expect(rows[0]!.errors).toHaveLength(2);
    expect(rows[0]!.errors[1]).toBe('host: endereço inválido / invalid address');
    expect(rows[1]!.errors).toEqual(['tower "XX-99" ?']);
    expect(rows[2]!.errors).toEqual(['parent "10.0.0.254" ?']);
    expect(rows[3]!.errors).toEqual(['duplicate host 100.64.0.1']);
    expect(rows[5]!.errors).toEqual(['duplicate host 100.64.3.3']);
    expect(rows[6]!.errors[0]).toMatch(/^kind: /);
  });

  it('skips blank lines and surrounding whitespace, and reads nothing from a header alone', () => {
    expect(parseDeviceCsv('\n\nname,host\n\nA,100.64.4.1\n\n', towers, devices).map((r) => r.line)).toEqual([
      2,
    ]);
    expect(parseDeviceCsv('name,host\n', towers, devices)).toEqual([]);
  });
});
