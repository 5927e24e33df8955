import { describe, expect, it } from 'vitest';
import { readPreferences } from '../../../../electron/main/preferences';
import { defaultSettings } from '../../../../shared/contract/settings';

describe('preferences', () => {
  it('are the stored settings: language, operator (the engine fills the default) and quiet mode', () => {
    const settings = defaultSettings();
    expect(readPreferences(settings)).toEqual({
      language: 'pt-BR',
      operator: '',
      notificationsPaused: false,
    });
    expect(
      readPreferences({
        ...settings,
        ui: { ...settings.ui, language: 'en', operator: 'Joana' },
        notifications: { paused: true },
      }),
    ).toEqual({ language: 'en', operator: 'Joana', notificationsPaused: true });
  });
});
