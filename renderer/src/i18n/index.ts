import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ptBR } from './pt-BR';
import type { Language } from '../../../shared/i18n';

export type { Language } from '../../../shared/i18n';

/**
 * The last language the store gave, kept only so the first paint speaks it before the engine
 * answers; the stored setting (settings.ui) is the source, applied by WorkstationSync.
 */
const HINT_KEY = 'vigia.language';

function hintedLanguage(): Language {
  return localStorage.getItem(HINT_KEY) === 'en' ? 'en' : 'pt-BR';
}

void i18n.use(initReactI18next).init({
  resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
  lng: hintedLanguage(),
  fallbackLng: 'pt-BR',
  interpolation: { escapeValue: false },
});

/** Speaks the stored language; called when the store's settings load or change. */
export function followLanguage(language: Language): void {
  localStorage.setItem(HINT_KEY, language);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export default i18n;
