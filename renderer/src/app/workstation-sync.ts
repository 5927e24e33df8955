import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { followLanguage } from '../i18n';
import { useLiveValue } from '../live/use-live';
import { followOperator } from '../shared/operator';

/**
 * Keeps the page on the stored UI settings (language, theme, operator), as loaded and as changed
 * by `settings.changed` from any workstation, the tray or this page.
 */
export function useWorkstationSync(): void {
  const ui = useLiveValue((store) => store.settings?.ui ?? null);
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (!ui) return;
    followLanguage(ui.language);
    followOperator(ui.operator);
    setColorScheme(ui.theme);
  }, [ui, setColorScheme]);
}
