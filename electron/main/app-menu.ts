import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from './tray-model';

export interface AppMenuActions {
  openWindow(): void;
  toggleStartWithSystem(enabled: boolean): void;
  about(): void;
  quit(): void;
}

const words = {
  'pt-BR': {
    file: 'Arquivo',
    open: 'Abrir o painel',
    startWithSystem: 'Iniciar com o Windows',
    startAtLogin: 'Iniciar ao entrar no sistema',
    quit: 'Sair',
    edit: 'Editar',
    undo: 'Desfazer',
    redo: 'Refazer',
    cut: 'Recortar',
    copy: 'Copiar',
    paste: 'Colar',
    selectAll: 'Selecionar tudo',
    view: 'Exibir',
    reload: 'Recarregar',
    devTools: 'Ferramentas do desenvolvedor',
    resetZoom: 'Tamanho real',
    zoomIn: 'Aumentar',
    zoomOut: 'Diminuir',
    fullScreen: 'Tela cheia',
    help: 'Ajuda',
    about: 'Sobre o Vigia',
  },
  en: {
    file: 'File',
    open: 'Open the dashboard',
    startWithSystem: 'Start with Windows',
    startAtLogin: 'Start at login',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    help: 'Help',
    about: 'About Vigia',
  },
};

/** The window's menu in the operator's language; reload and developer tools only in development. */
export function appMenuTemplate(
  options: { language: Language; platform: NodeJS.Platform; startWithSystem: boolean; development: boolean },
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const w = words[options.language];
  return [
    {
      label: w.file,
      submenu: [
        { label: w.open, click: () => actions.openWindow() },
        {
          label: options.platform === 'win32' ? w.startWithSystem : w.startAtLogin,
          type: 'checkbox',
          checked: options.startWithSystem,
          click: (item) => actions.toggleStartWithSystem(item.checked),
        },
        { type: 'separator' },
        { label: w.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: w.edit,
      submenu: [
        { label: w.undo, role: 'undo' },
        { label: w.redo, role: 'redo' },
        { type: 'separator' },
        { label: w.cut, role: 'cut' },
        { label: w.copy, role: 'copy' },
        { label: w.paste, role: 'paste' },
        { label: w.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: w.view,
      submenu: [
        ...(options.development
          ? [
              { label: w.reload, role: 'reload' as const },
              { label: w.devTools, role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]
          : []),
        { label: w.resetZoom, role: 'resetZoom' },
        { label: w.zoomIn, role: 'zoomIn' },
        { label: w.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: w.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: w.help,
      submenu: [{ label: w.about, click: () => actions.about() }],
    },
  ];
}
