import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DeviceInput, type Device } from '../../../../../shared/contract/entities';
import { devicesToCsv } from '../../../../../renderer/src/devices/csv-export';
import { parseDeviceCsv } from '../../../../../renderer/src/devices/csv-import';
import { cellText, storedDevice, storedFields, tower } from './device-arbitraries';

const towers = [tower(7, 'TC'), tower(8, 'TN')];

/** What the engine would store from an import row, in the shape it exports. */
const asStored = (input: DeviceInput, id: number): Device => ({
  ...DeviceInput.parse(input),
  id,
  ...storedFields,
});

describe('devices CSV import and export, round trip', () => {
  it('reads rows with tower codes and parent addresses, and names what is wrong per line', () => {
    const parent = asStored({ name: 'OLT', host: '10.0.0.1' }, 1);
    const rows = parseDeviceCsv(
      [
        'Name,Host,Kind,Tower,Parent,Tags,Enabled',
        'AP Norte,10.0.1.1,sector_ap,tc,10.0.0.1,wifi; norte ,false',
        'Sem nome,,router,,,,',
        'Torre X,10.0.1.2,router,XX,10.9.9.9,,talvez',
        'Repetido,10.0.0.1,router,,,,',
      ].join('\n'),
      towers,
      [parent],
    );
    expect(rows[0]).toMatchObject({
      line: 2,
      errors: [],
      input: {
        name: 'AP Norte',
        host: '10.0.1.1',
        kind: 'sector_ap',
        towerId: 7,
        parentId: 1,
        tags: ['wifi', 'norte'],
        enabled: false,
      },
    });
    expect(rows[1]).toMatchObject({
      line: 3,
      input: null,
      errors: [
        'host: Too small: expected string to have >=1 characters',
        'host: endereço inválido / invalid address',
      ],
    });
    expect(rows[2]).toMatchObject({
      input: null,
      errors: ['tower "XX" ?', 'parent "10.9.9.9" ?', 'enabled "talvez" ?'],
    });
    expect(rows[3]).toMatchObject({ input: null, errors: ['duplicate host 10.0.0.1'] });
  });

  it('takes off the apostrophe export puts before a formula, and only there', () => {
    const [row] = parseDeviceCsv(`name,host,notes,vendor\n"'=1+1",10.0.0.9,'@nota,'d'água`, towers, []);
    expect(row!.input).toMatchObject({ name: '=1+1', notes: '@nota', vendor: "'d'água" });
  });

  it('gives back exactly what was exported (export → import round trip)', () => {
    const parent = asStored({ name: 'OLT Centro', host: '10.0.0.1', towerId: 7 }, 1);
    fc.assert(
      fc.property(
        fc.array(storedDevice(2), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<number | null>(null, 7, 8),
        fc.boolean(),
        (generated, towerId, withParent) => {
          const devices = generated.map((device, i) => ({
            ...device,
            id: i + 2,
            host: `${device.host}-${i}`,
            towerId,
            parentId: withParent ? 1 : null,
          }));
          const csv = devicesToCsv([parent, ...devices], new Map(towers.map((t) => [t.id, t])), new Map());
          // Imported into an inventory that has the parent but none of the exported children.
          const rows = parseDeviceCsv(csv, towers, [parent]).slice(1);
          expect(rows.map((row) => row.errors)).toEqual(devices.map(() => []));
          const imported = rows.map((row, i) => asStored(row.input!, i + 2));
          expect(imported).toEqual(devices);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers any text with rows and errors, never a crash or an invalid device', () => {
    // Papa Parse reports renamed duplicate headers on the console; random text has plenty.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    fc.assert(
      fc.property(cellText(400), (text) => {
        for (const row of parseDeviceCsv(text, towers, [])) {
          expect(row.line).toBeGreaterThanOrEqual(2);
          if (row.input) expect(DeviceInput.safeParse(row.input).success).toBe(true);
          else expect(row.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
