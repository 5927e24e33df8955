import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../../renderer/src/i18n/en';
import { ptBR } from '../../../../../renderer/src/i18n/pt-BR';

const root = join(__dirname, '../../../../../renderer/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every leaf of a catalog as "a.b.c" → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value as object, path)) found.set(leaf, text);
  }
  return found;
}

const catalogs = { 'pt-BR': leaves(ptBR), en: leaves(en) };
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** i18next's plural forms live beside their key as key_one, key_other… */
const hasKey = (catalog: Map<string, string>, key: string) =>
  catalog.has(key) || [...catalog.keys()].some((leaf) => leaf.startsWith(`${key}_`));
const hasBranch = (catalog: Map<string, string>, prefix: string) =>
  [...catalog.keys()].some((leaf) => leaf.startsWith(prefix));

const code = sources(root)
  .filter((file) => !file.includes(`${join('src', 'i18n')}/`))
  .map((file) => ({ file: file.slice(root.length + 1), text: readFileSync(file, 'utf8') }));

describe('the renderer catalogs', () => {
  it('have the same keys with the same placeholders in pt-BR and English', () => {
    expect([...catalogs.en.keys()].sort()).toEqual([...catalogs['pt-BR'].keys()].sort());
    const differ = [...catalogs['pt-BR']].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(catalogs.en.get(key)!).join(),
    );
    expect(differ).toEqual([]);
  });

  it('hold every key the pages ask for, in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { file, text } of code) {
      for (const [, key] of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        checked++;
        for (const [language, catalog] of Object.entries(catalogs))
          if (!hasKey(catalog, key!)) missing.push(`${file}: ${key} (${language})`);
      }
      // A key built at run time (`state.${state}`): its branch must exist in both.
      for (const [, prefix] of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.-]*\.)\$\{/g)) {
        checked++;
        for (const [language, catalog] of Object.entries(catalogs))
          if (!hasBranch(catalog, prefix!)) missing.push(`${file}: ${prefix}* (${language})`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
