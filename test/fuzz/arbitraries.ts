import fc from 'fast-check';

/** Text an attacker or a broken device sends: empty, control bytes, formulas, huge, any Unicode. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '=cmd|calc',
    '+1',
    '-1',
    '@x',
    '\t',
    '\r\n',
    '"',
    '""',
    ',',
    ';',
    '../../etc/passwd',
    "'; DROP TABLE devices;--",
    '__proto__',
    'constructor',
    '🛰'.repeat(300),
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

/** Any JSON-like value, with hostile text among the leaves. */
export const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid record with one field replaced by anything (or removed): the near-misses parsers meet. */
export function mutated<T extends Record<string, unknown>>(valid: T) {
  const keys = Object.keys(valid);
  return fc
    .tuple(fc.constantFrom(...keys), fc.option(hostileValue, { nil: undefined }), fc.boolean())
    .map(([key, value, drop]) => {
      const copy: Record<string, unknown> = { ...valid };
      if (drop) delete copy[key];
      else copy[key] = value;
      return copy;
    });
}

/** Bounded so that the whole harness costs seconds in `npm test`. */
export const RUNS = { numRuns: 100 } as const;
