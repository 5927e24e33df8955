import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM module of the lint configuration, without type declarations
import { layersTable } from '../../../eslint/layers-table.mjs';

describe('README architecture tables', () => {
  it('are the ones generated from eslint/layers.mjs', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- layers:start[^>]*-->\n([\s\S]*?)\n<!-- layers:end -->/.exec(readme);
    expect(section, 'README.md has no <!-- layers:start … --> section').not.toBeNull();
    expect(section?.[1]).toBe(layersTable());
  });
});
