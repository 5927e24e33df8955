import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/contract/api';
import { DeviceInput } from '../../shared/contract/entities';
import { hostileValue, mutated, RUNS } from './arbitraries';

// The device forms' and the import's schemas: whatever arrives, a clear per-field or per-row
// error and never an exception; what is accepted is valid for the contract.
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
