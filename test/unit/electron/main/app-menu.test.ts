import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../../electron/main/app-menu';

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
