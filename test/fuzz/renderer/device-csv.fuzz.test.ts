import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeviceInput, type Device, type Tower } from '../../../shared/contract/entities';
import { parseDeviceCsv } from '../../../renderer/src/devices/csv-import';
import { hostileText, RUNS } from '../arbitraries';

// The device CSV import (in the page, before anything is sent): whatever the file holds, each row is
// a valid device or names its errors, and nothing throws.
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
