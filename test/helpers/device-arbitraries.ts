import fc from 'fast-check';
import { deviceKinds, type Device, type Tower } from '../../shared/contract/entities';

/** Text as operators type it, plus what attacks a spreadsheet or a CSV parser. */
const hostile = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', ';', '\n', "'", ' ', 'ç', '🛰');
export const cellText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ maxLength: 4 }), hostile), { maxLength: Math.ceil(maxLength / 3) })
    .map((parts) => parts.join('').slice(0, maxLength));

const host = fc.stringMatching(/^[0-9A-Za-z:.\-_%]{1,40}$/);
const trimmedText = (max: number) =>
  cellText(max)
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
// Tags are separated by ";", "," or "|" in the file, so a tag cannot contain them.
const tag = trimmedText(40).filter((text) => !/[;,|]/.test(text));

/** What the store adds to every tower and device, fixed so that comparisons are exact. */
export const storedFields = {
  maintenanceUntil: null,
  maintenanceBy: null,
  maintenanceReason: null,
  createdAt: 1,
  updatedAt: 1,
};

/** A stored device without tower or parent, as the engine returns it (already trimmed). */
export const storedDevice = (id: number): fc.Arbitrary<Device> =>
  fc
    .record({
      id: fc.constant(id),
      name: trimmedText(120),
      host,
      kind: fc.constantFrom(...deviceKinds),
      vendor: cellText(60).map((text) => text.trim()),
      model: cellText(60).map((text) => text.trim()),
      towerId: fc.constant(null),
      parentId: fc.constant(null),
      tags: fc.uniqueArray(tag, { maxLength: 5 }),
      enabled: fc.boolean(),
      notes: cellText(2000),
    })
    .map((device) => ({ ...device, ...storedFields }));

export const tower = (id: number, code: string): Tower => ({
  id,
  name: `Torre ${code}`,
  code,
  latitude: -7.1,
  longitude: -35.9,
  address: '',
  notes: '',
  ...storedFields,
});
