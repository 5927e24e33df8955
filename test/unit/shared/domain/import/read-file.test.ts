import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readImportFile } from '../../../../../shared/domain/import/read-file';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve('test/fixtures/import', name)));

describe('readImportFile', () => {
  it('reads a pt-BR Excel CSV (BOM, CRLF, ";") with its accents and quoted cells', async () => {
    const reading = await readImportFile(fixture('dispositivos-excel-utf8-bom.csv'));
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.source).toEqual({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';' });
    expect(reading.header).toEqual([
      'nome',
      'ip',
      'tipo',
      'torre',
      'pai',
      'latitude',
      'longitude',
      'fabricante',
      'tags',
      'observações',
    ]);
    expect(reading.rows).toHaveLength(11);
    expect(reading.rows[0]).toEqual([
      'Concentrador Centro',
      '10.0.0.1',
      'Roteador',
      'Torre Centro',
      '',
      '-23,5505',
      '-46,6333',
      'MikroTik',
      'core;bgp',
      'Sala 2',
    ]);
    expect(reading.lines.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('reads the same file saved as Windows-1252 to the same cells', async () => {
    const utf8 = await readImportFile(fixture('dispositivos-excel-utf8-bom.csv'));
    const ansi = await readImportFile(fixture('dispositivos-excel-windows-1252.csv'));
    if (!ansi.ok || !utf8.ok) throw new Error('unreadable');
    expect(ansi.source).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(ansi.rows).toEqual(utf8.rows);
    expect(ansi.rows[6]![0]).toBe('Órfão');
  });

  it('reads UTF-8 without a BOM and a comma-separated English file', async () => {
    const text = 'name,host,kind,tags\r\nedge,10.1.1.1,router,"a;b"\r\n';
    const reading = await readImportFile(new TextEncoder().encode(text));
    expect(reading).toMatchObject({ ok: true, source: { format: 'csv', encoding: 'utf-8', delimiter: ',' } });
  });

  it('reads the first sheet of an .xlsx, numbers as written and empty cells empty', async () => {
    const buffer = await writeXlsxFile([
      ['nome', 'ip', 'latitude', 'longitude'],
      ['Torre A rádio', '10.0.0.9', -23.5505, -46.6333],
      [null, null, null, null],
      ['B', '10.0.0.10', null, null],
    ]).toBuffer();
    const reading = await readImportFile(new Uint8Array(buffer));
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.source).toEqual({ format: 'xlsx' });
    expect(reading.rows).toEqual([
      ['Torre A rádio', '10.0.0.9', '-23.5505', '-46.6333'],
      ['B', '10.0.0.10', '', ''],
    ]);
    expect(reading.lines).toEqual([2, 4]);
  });

  it('refuses a binary file renamed .csv, a broken .xlsx, an empty file, too many rows and too many bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(await readImportFile(png)).toEqual({ ok: false, reason: 'binary' });
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await readImportFile(brokenZip)).toEqual({ ok: false, reason: 'unreadableSheet' });
    expect(await readImportFile(new TextEncoder().encode('nome;ip\r\n'))).toEqual({
      ok: false,
      reason: 'empty',
    });
    const many =
      'nome;ip\n' +
      Array.from({ length: 100_000 }, (_v, i) => `d${i};10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`).join(
        '\n',
      );
    expect(await readImportFile(new TextEncoder().encode(many))).toEqual({
      ok: false,
      reason: 'tooManyRows',
      rows: 100_000,
      max: 20_000,
    });
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(await readImportFile(huge)).toEqual({
      ok: false,
      reason: 'tooLarge',
      bytes: 52_428_800,
      max: 10_485_760,
    });
  });
});
