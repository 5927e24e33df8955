import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopAlert } from '../../../shared/contract/events';
import { createDesktopNotifications, type NodeNotify } from '../../../electron/main/desktop-notifications';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { readPreferences } from '../../../electron/main/preferences';
import { defaultSettings } from '../../../shared/contract/settings';

describe('desktop notifications through node-notifier', () => {
  const alert = (deviceId: number | null): DesktopAlert => ({
    title: 'Vigia — alarme critical',
    body: 'OLT fora',
    deviceId,
  });

  function harness(answer: (callback: Parameters<NodeNotify>[1]) => void) {
    const calls: Parameters<NodeNotify>[0][] = [];
    const opened: string[] = [];
    const show = createDesktopNotifications({
      notify: (options, callback) => {
        calls.push(options);
        answer(callback);
      },
      appId: 'br.com.vigia.noc',
      iconPath: () => '/icons/red@2x.png',
      openDevice: (id) => opened.push(`device:${id}`),
      openWindow: () => opened.push('window'),
      fallback: (shown) => opened.push(`fallback:${shown.title}`),
      log: () => undefined,
    });
    return { calls, opened, show };
  }

  it('shows a toast under the app id and opens the device when it is clicked', () => {
    const { calls, opened, show } = harness((callback) => callback(null, 'activate'));
    show(alert(42));
    show(alert(null));
    expect(calls[0]).toMatchObject({
      title: 'Vigia — alarme critical',
      message: 'OLT fora',
      appID: 'br.com.vigia.noc',
      wait: true,
    });
    expect(opened).toEqual(['device:42', 'window']);
  });

  it('does nothing when dismissed and falls back to Electron when the helper fails', () => {
    const dismissed = harness((callback) => callback(null, 'timeout'));
    dismissed.show(alert(1));
    expect(dismissed.opened).toEqual([]);
    const broken = harness((callback) => callback(new Error('spawn notify-send ENOENT'), ''));
    broken.show(alert(1));
    expect(broken.opened).toEqual(['fallback:Vigia — alarme critical']);
  });
});

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

describe('application menu', () => {
  const calls: string[] = [];
  const actions = {
    openWindow: () => calls.push('open'),
    toggleStartWithSystem: (enabled: boolean) => calls.push(`start ${enabled}`),
    about: () => calls.push('about'),
    quit: () => calls.push('quit'),
  };
  const labels = (template: MenuItemConstructorOptions[]) =>
    template.map((entry) => [
      entry.label,
      (entry.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? '—'),
    ]);

  it('speaks Portuguese or English', () => {
    const pt = appMenuTemplate(
      { language: 'pt-BR', platform: 'win32', startWithSystem: true, development: false },
      actions,
    );
    expect(labels(pt)).toEqual([
      ['Arquivo', ['Abrir o painel', 'Iniciar com o Windows', '—', 'Sair']],
      ['Editar', ['Desfazer', 'Refazer', '—', 'Recortar', 'Copiar', 'Colar', 'Selecionar tudo']],
      ['Exibir', ['Tamanho real', 'Aumentar', 'Diminuir', '—', 'Tela cheia']],
      ['Ajuda', ['Sobre o Vigia']],
    ]);
    const en = appMenuTemplate(
      { language: 'en', platform: 'linux', startWithSystem: false, development: true },
      actions,
    );
    expect(labels(en)).toEqual([
      ['File', ['Open the dashboard', 'Start at login', '—', 'Quit']],
      ['Edit', ['Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Select all']],
      ['View', ['Reload', 'Developer tools', '—', 'Actual size', 'Zoom in', 'Zoom out', '—', 'Full screen']],
      ['Help', ['About Vigia']],
    ]);
  });

  it('shows and toggles "start with Windows"', () => {
    const template = appMenuTemplate(
      { language: 'en', platform: 'win32', startWithSystem: true, development: false },
      actions,
    );
    const file = template[0]!.submenu as MenuItemConstructorOptions[];
    const start = file[1]!;
    expect(start).toMatchObject({ label: 'Start with Windows', type: 'checkbox', checked: true });
    calls.length = 0;
    // Electron flips a checkbox before calling click.
    start.click!({ checked: false } as MenuItem, undefined, {} as never);
    file[0]!.click!({} as MenuItem, undefined, {} as never);
    file[3]!.click!({} as MenuItem, undefined, {} as never);
    expect(calls).toEqual(['start false', 'open', 'quit']);
  });
});
