import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InventoryImport } from '../../shared/contract/inventory-import';
import { readHeader } from '../../shared/domain/import/columns';
import { planImport, type KnownInventory } from '../../shared/domain/import/plan';
import { readImportFile } from '../../shared/domain/import/read-file';
import { hostileText, RUNS } from './arbitraries';

// The device import (in the page's worker, before anything is sent): whatever the file holds, it
// is refused with a reason or planned row by row, every row either sent or naming its reasons, and
// what would be sent is what `inventory.import` accepts. Nothing throws.
const inventory: KnownInventory = {
  towers: [{ id: 1, code: 'NRT', name: 'Torre Norte' }],
  devices: [{ id: 9, name: 'Borda', host: '10.0.0.1' }],
};
const HEADERS = ['nome;ip;tipo;torre;pai;latitude;longitude;tags', 'name,host,kind,tower,parent,tags,notes'];

const cell = fc.oneof(
  hostileText,
  fc.constantFrom('NRT', 'Torre Norte', '10.0.0.1', '127.0.0.9', 'olt', 'roteador', '-23,5', '-46.6', 'a;b'),
);
const sheetText = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    fc.constantFrom(';', ','),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([header, rows, delimiter, newline, quoted]) =>
    [
      header,
      ...rows.map((cells) =>
        cells.map((text) => (quoted ? `"${text.replaceAll('"', '""')}"` : text)).join(delimiter),
      ),
    ].join(newline),
  );
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4_000 }),
  fc.string({ maxLength: 2_000 }).map((text) => new TextEncoder().encode(text)),
  sheetText.map((text) => new TextEncoder().encode(text)),
  sheetText.map((text) => new TextEncoder().encode(`\uFEFF${text}`)),
);

describe('fuzz: device import', () => {
  it('refuses a file with a reason, or plans every row as sent or naming its reasons', async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, async (bytes) => {
        const reading = await readImportFile(bytes);
        if (!reading.ok) {
          expect(typeof reading.reason).toBe('string');
          return;
        }
        const plan = planImport(reading, readHeader(reading.header, () => true).mapping, inventory, {
          createTowers: true,
        });
        for (const row of plan.rows) expect(Number.isInteger(row.line)).toBe(true);
        expect(plan.valid).toBe(plan.rows.filter((row) => row.reasons.length === 0).length);
        if (plan.valid > 0) expect(InventoryImport.safeParse(plan.request).success).toBe(true);
      }),
      RUNS,
    );
  });
});
