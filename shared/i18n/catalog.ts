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

/** A part written `[ … {name} … ]`: optional, for a fact that not every case has. */
const optionalPart = /\[([^[\]]*\{\w+\}[^[\]]*)\]/g;

/** The template without its optional parts that hold a placeholder with no value (see `fill`). */
export function keepGivenParts(template: string, given: (name: string) => boolean): string {
  return template.replace(optionalPart, (_whole, inner: string) =>
    placeholdersOf(inner).every(given) ? inner : '',
  );
}

/**
 * Fills `{name}` placeholders; a missing or null value becomes "—" rather than the raw placeholder.
 * An optional part (`[ ({detail})]`) is left out, brackets and all, when a placeholder in it has no
 * value, so a text never shows an empty field; brackets around plain words stay as written.
 */
export function fill(template: string, params: MessageParams = {}): string {
  const kept = keepGivenParts(template, (name) => {
    const value = params[name];
    return value !== null && value !== undefined && value !== '';
  });
  return kept.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    return value === null || value === undefined ? '—' : String(value);
  });
}
