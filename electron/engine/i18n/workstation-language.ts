import { defaultLanguage, isLanguage, type Language } from '../../../shared/i18n';
import type { Repository } from '../store/repository';

/** The store setting the operator's language choice is kept under. */
export const UI_LANGUAGE_KEY = 'ui.language';

/**
 * The workstation's language for what the engine writes to it (desktop notifications), read once
 * from the settings and followed as they change.
 */
export class WorkstationLanguage {
  private constructor(private value: Language) {}

  static async load(repo: Repository): Promise<WorkstationLanguage> {
    const stored = await repo.settings.get(UI_LANGUAGE_KEY);
    return new WorkstationLanguage(isLanguage(stored) ? stored : defaultLanguage);
  }

  readonly current = (): Language => this.value;

  /** A setting was written; a new language choice takes effect at once. */
  noteSetting(key: string, value: unknown): void {
    if (key === UI_LANGUAGE_KEY && isLanguage(value)) this.value = value;
  }
}
