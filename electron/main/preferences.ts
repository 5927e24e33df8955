import type { Language } from './tray-model';

/** What the main process reads from the engine's settings: menus' language, who acts, quiet mode. */
export interface Preferences {
  language: Language;
  operator: string;
  notificationsPaused: boolean;
}

/**
 * The 'ui.language' and 'ui.operator' settings when the operator chose them, otherwise the
 * system's language and the logged-on user, so the tray speaks the operator's language from the
 * first run and every maintenance window records who opened it.
 */
export function readPreferences(
  settings: Record<string, unknown>,
  system: { locale: string; user: string },
): Preferences {
  const chosen = settings['ui.language'];
  const language: Language =
    chosen === 'en' || chosen === 'pt-BR'
      ? chosen
      : system.locale.toLowerCase().startsWith('pt')
        ? 'pt-BR'
        : 'en';
  const operator = settings['ui.operator'];
  return {
    language,
    operator: typeof operator === 'string' && operator.trim() !== '' ? operator.trim() : system.user,
    notificationsPaused: settings['notify.paused'] === true,
  };
}
