import type { AllSettings } from '../../shared/contract/settings';
import type { Language } from './tray-model';

/** What the main process reads from the engine's settings: menus' language, who acts, quiet mode. */
export interface Preferences {
  language: Language;
  operator: string;
  notificationsPaused: boolean;
}

/**
 * The stored settings, the one source the page, tray, menu and notifications share; the engine
 * fills the operator with the signed-in user when none was chosen.
 */
export function readPreferences(settings: AllSettings): Preferences {
  return {
    language: settings.ui.language,
    operator: settings.ui.operator,
    notificationsPaused: settings.notifications.paused,
  };
}
