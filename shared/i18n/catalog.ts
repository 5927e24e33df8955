import type { Language } from './language';

/**
 * A domain's texts in both languages, side by side, so a key missing in one of them is visible in
 * the file that defines it (and a unit test checks keys and placeholders match).
 * Placeholders are written `{name}`.
 */
export type Catalog<K extends string = string> = Record<Language, Record<K, string>>;

/** Defines a catalog whose English half must have exactly the keys of the Portuguese half. */
export function defineCatalog<K extends string>(catalog: {
  'pt-BR': Record<K, string>;
  en: Record<K, string>;
}): Catalog<K> {
  return catalog;
}

/** The `{name}` placeholders of a template, sorted, for comparing two languages' texts. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

/** Fills `{name}` placeholders; a missing or null value becomes "—" rather than the raw placeholder. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    return value === null || value === undefined ? '—' : String(value);
  });
}
