import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alarm } from '../../../shared/contract/entities';
import {
  alarmNotification,
  createAlarmNotifier,
  type DesktopNotification,
} from '../../../electron/main/alarm-notifications';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { readPreferences } from '../../../electron/main/preferences';

const alarm = (
  id: number,
  message: string,
  severity: Alarm['severity'] = 'critical',
  affected = 1,
): Alarm => ({
  id,
  source: 'icmp',
  deviceId: id * 10,
  towerId: null,
  type: 'device.down',
  severity,
  state: 'active',
  message,
  affected,
  raisedAt: 1_700_000_000_000,
  acknowledgedAt: null,
  acknowledgedBy: null,
  clearedAt: null,
  note: null,
});

describe('alarm notifications', () => {
  afterEach(() => vi.useRealTimers());

  it('names the device for one alarm and opens it on click', () => {
    expect(alarmNotification([alarm(1, 'OLT Centro fora do ar', 'critical', 120)], 'pt-BR')).toEqual({
      title: 'Vigia — alarme critical',
      body: 'OLT Centro fora do ar (120 equipamentos)',
      deviceId: 10,
    });
    expect(alarmNotification([], 'en')).toBeNull();
  });

  it('summarises a burst in one notification', () => {
    const burst = [1, 2, 3, 4, 5].map((id) => alarm(id, `radio ${id} down`));
    expect(alarmNotification(burst, 'en')).toEqual({
      title: 'Vigia — 5 new alarms',
      body: '• radio 1 down\n• radio 2 down\n• radio 3 down\n… and 2 more',
      deviceId: null,
    });
  });

  it('waits for the burst to end, skips informational alarms and respects the pause', async () => {
    vi.useFakeTimers();
    const shown: DesktopNotification[] = [];
    let paused = false;
    const notifier = createAlarmNotifier({
      preferences: async () => ({ language: 'en', notificationsPaused: paused }),
      show: (notification) => shown.push(notification),
    });
    notifier.onEvent({ type: 'alarm.raised', alarm: alarm(1, 'tower TWR-01 lost power') });
    notifier.onEvent({ type: 'alarm.raised', alarm: alarm(2, 'backup finished', 'info') });
    notifier.onEvent({ type: 'alarm.cleared', alarm: alarm(3, 'cleared') });
    notifier.onEvent({ type: 'alarm.raised', alarm: alarm(4, 'radio 4 down', 'major') });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(shown.map((notification) => notification.title)).toEqual(['Vigia — 2 new alarms']);

    paused = true;
    notifier.onEvent({ type: 'alarm.raised', alarm: alarm(5, 'radio 5 down') });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown).toHaveLength(1);

    paused = false;
    notifier.onEvent({ type: 'alarm.raised', alarm: alarm(6, 'radio 6 down') });
    notifier.stop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown).toHaveLength(1);
  });
});

describe('preferences', () => {
  const system = { locale: 'pt-BR', user: 'noc01' };
  it('follow the settings when chosen, the system otherwise', () => {
    expect(readPreferences({}, system)).toEqual({
      language: 'pt-BR',
      operator: 'noc01',
      notificationsPaused: false,
    });
    expect(readPreferences({}, { locale: 'en-US', user: 'x' }).language).toBe('en');
    expect(
      readPreferences({ 'ui.language': 'en', 'ui.operator': '  Joana ', 'notify.paused': true }, system),
    ).toEqual({ language: 'en', operator: 'Joana', notificationsPaused: true });
    expect(readPreferences({ 'ui.language': 'fr', 'ui.operator': '   ' }, system)).toMatchObject({
      language: 'pt-BR',
      operator: 'noc01',
    });
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
