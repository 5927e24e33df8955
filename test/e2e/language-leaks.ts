import { en } from '../../renderer/src/i18n/en';
import { ptBR } from '../../renderer/src/i18n/pt-BR';
import { catalogs, type Language } from '../../shared/i18n';

/**
 * Words that give away a text left in the other language: every word of one language's catalogs
 * (the renderer's and the shared ones) that the other language's catalogs never use, plus a few
 * everyday words per language. Placeholders, units and words shared by both languages ("SNMP",
 * "backup", "Vigia") are never counted, so a page is judged only by words that can be told apart.
 */
export function texts(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(texts);
  return [];
}

export function words(text: string): string[] {
  return (
    text
      .replace(/\{\{?[^}]*\}\}?/g, ' ')
      .toLowerCase()
      .match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []
  );
}

function vocabulary(language: Language): Set<string> {
  const renderer = language === 'en' ? en : ptBR;
  const all = [...texts(renderer), ...catalogs.flatMap((catalog) => Object.values(catalog[language]))];
  return new Set(all.flatMap(words).filter((word) => word.length >= 4));
}

const everyday: Record<Language, string[]> = {
  'pt-BR': ['não', 'sim', 'está', 'são', 'também', 'você', 'uma', 'dos', 'das', 'pelo', 'pela', 'até'],
  en: ['the', 'and', 'with', 'not', 'yes', 'are', 'was', 'has', 'have', 'from', 'this', 'that', 'none'],
};

/** The words that would be a leak on a page in `language`: the other language's own words. */
export function foreignWords(language: Language): Set<string> {
  const other: Language = language === 'en' ? 'pt-BR' : 'en';
  const own = vocabulary(language);
  return new Set(
    [...vocabulary(other), ...everyday[other]].filter(
      (word) => !own.has(word) && !everyday[language].includes(word),
    ),
  );
}

/** The foreign words found in `text`, each with the line it was read in, for a clear failure. */
export function leaks(text: string, foreign: Set<string>, allowed: Set<string>): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    // An address is no sentence: "https://tiles.example/{z}/{x}/{y}.png" is in no language.
    const hits = words(line.replace(/\b[a-z]+:\/\/\S+/gi, ' ')).filter(
      (word) => foreign.has(word) && !allowed.has(word),
    );
    if (hits.length) found.push(`${hits.join(', ')}  ←  ${line.trim().slice(0, 160)}`);
  }
  return found;
}
