import { describe, expect, it } from 'vitest';
import { catalogs, fill, placeholdersOf, translate } from '../../../../shared/i18n';

describe('shared i18n catalogs', () => {
  it('define the same keys with the same placeholders in both languages', () => {
    for (const catalog of catalogs) {
      const ptKeys = Object.keys(catalog['pt-BR']).sort();
      expect(Object.keys(catalog.en).sort()).toEqual(ptKeys);
      for (const key of ptKeys) {
        const pt = (catalog['pt-BR'] as Record<string, string>)[key]!;
        const en = (catalog.en as Record<string, string>)[key]!;
        expect({ key, placeholders: placeholdersOf(en) }).toEqual({ key, placeholders: placeholdersOf(pt) });
        expect(pt.trim(), key).not.toBe('');
        expect(en.trim(), key).not.toBe('');
      }
    }
  });

  it('never define one key in two domains', () => {
    const seen = new Set<string>();
    for (const catalog of catalogs)
      for (const key of Object.keys(catalog['pt-BR'])) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
  });

  it('fills placeholders, and shows a missing value as a dash', () => {
    expect(fill('{a} e {b}', { a: 1, b: null })).toBe('1 e —');
    expect(translate('en', 'engine.storeUnavailable', { reason: 'timeout' })).toBe(
      'The database does not answer: timeout',
    );
    expect(translate('pt-BR', 'engine.storeUnavailable', { reason: 'timeout' })).toBe(
      'O banco de dados não responde: timeout',
    );
  });

  it('leaves out an optional part whose fact is absent, and keeps brackets around plain words', () => {
    expect(fill('falhou: {code}[ ({detail})]', { code: 'x', detail: '' })).toBe('falhou: x');
    expect(fill('falhou: {code}[ ({detail})]', { code: 'x', detail: 'y' })).toBe('falhou: x (y)');
    expect(fill('/ack <id> [nota]', {})).toBe('/ack <id> [nota]');
  });
});
