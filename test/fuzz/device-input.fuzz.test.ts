import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/contract/api';
import { DeviceInput, type Device, type Tower } from '../../shared/contract/entities';
import { parseDeviceCsv } from '../../renderer/src/devices/csv-import';
import { hostileText, hostileValue, mutated, RUNS } from './arbitraries';

// Device CSV import and the device forms' schemas: whatever arrives, a clear per-row or per-field
// error and never an exception; what is accepted is valid for the contract.
const towers = [{ id: 1, code: 'NRT' } as Tower];
const devices = [{ id: 9, host: '10.0.0.1' } as Device];
const HEADER = 'name,host,kind,vendor,model,tower,parent,tags,notes,enabled';

const csvCell = fc.oneof(
  hostileText,
  fc.constantFrom('NRT', '10.0.0.1', 'olt', 'true', 'false', '127.0.0.9'),
);
const csvText = fc.oneof(
  fc.string({ maxLength: 2_000 }),
  fc
    .array(fc.array(csvCell, { minLength: 0, maxLength: 12 }), { maxLength: 30 })
    .map((rows) =>
      [HEADER, ...rows.map((cells) => cells.map((cell) => JSON.stringify(cell)).join(','))].join('\n'),
    ),
  fc
    .array(fc.array(csvCell, { maxLength: 12 }), { maxLength: 30 })
    .map((rows) => [HEADER, ...rows.map((cells) => cells.join(','))].join('\r\n')),
);

describe('fuzz: device CSV import', () => {
  it('reads any text into rows that are either valid devices or name their errors', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const rows = parseDeviceCsv(text, towers, devices);
        for (const row of rows) {
          expect(Number.isInteger(row.line)).toBe(true);
          if (row.input === null) expect(row.errors.length).toBeGreaterThan(0);
          else {
            expect(row.errors).toEqual([]);
            expect(DeviceInput.safeParse(row.input).success).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

const validDevice = {
  name: 'OLT Norte',
  host: '10.1.1.1',
  kind: 'olt',
  towerId: 1,
  tags: ['gpon'],
  notes: '',
};

describe('fuzz: device forms and import rows (contract schemas)', () => {
  it('refuses every malformed device with field paths and messages, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, mutated(validDevice)), (input) => {
        const result = DeviceInput.safeParse(input);
        if (!result.success)
          for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        else expect(result.data.name.trim().length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('refuses an import of malformed rows as a whole, naming the row', () => {
    const importMany = apiMethods['devices.importMany'].input;
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated(validDevice), hostileValue), { maxLength: 20 }), (rows) => {
        const result = importMany.safeParse({ rows });
        if (result.success)
          for (const row of result.data.rows) expect(DeviceInput.safeParse(row).success).toBe(true);
        else for (const issue of result.error.issues) expect(issue.path[0]).toBe('rows');
      }),
      RUNS,
    );
  });
});
