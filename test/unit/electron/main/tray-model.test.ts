import { describe, expect, it } from 'vitest';
import type { Alarm, DeviceState, DeviceStatus, Tower } from '../../../../shared/contract/entities';
import { trayMenu, trayState, type TrayMenuItem } from '../../../../electron/main/tray-model';
import { deviceDownAlarm } from '../../../helpers/alarms';
import { deviceStatus } from '../../../helpers/device-status';

const status = (deviceId: number, state: DeviceState): DeviceStatus =>
  deviceStatus(deviceId, state, 1_700_000_000_000);

const alarm = (
  id: number,
  deviceId: number | null,
  device: string,
  state: Alarm['state'] = 'active',
): Alarm => deviceDownAlarm(id, device, { deviceId, state });

const tower = (id: number, code: string, name: string): Tower => ({
  id,
  code,
  name,
  latitude: -23.5,
  longitude: -46.6,
  address: '',
  notes: '',
  maintenanceUntil: null,
  maintenanceBy: null,
  maintenanceReason: null,
  createdAt: 1,
  updatedAt: 1,
});

const find = (items: TrayMenuItem[], label: string | RegExp): TrayMenuItem => {
  const item = items.find((candidate) =>
    typeof label === 'string' ? candidate.label === label : label.test(candidate.label),
  );
  if (!item) throw new Error(`no menu item ${String(label)} in ${items.map((i) => i.label).join(', ')}`);
  return item;
};

describe('tray icon state', () => {
  it('is grey with no data, whether nothing is monitored or nothing was checked yet', () => {
    expect(trayState([], 'en')).toEqual({ color: 'grey', tooltip: 'Vigia — no data' });
    expect(trayState([status(1, 'unknown')], 'pt-BR')).toEqual({
      color: 'grey',
      tooltip: 'Vigia — sem dados',
    });
  });

  it('takes the worst current state: down beats degraded beats up', () => {
    expect(trayState([status(1, 'up'), status(2, 'up')], 'en').color).toBe('green');
    expect(trayState([status(1, 'up'), status(2, 'flapping')], 'en').color).toBe('yellow');
    expect(trayState([status(1, 'up'), status(2, 'degraded'), status(3, 'down')], 'en').color).toBe('red');
  });

  it('counts devices by state in the tooltip, in the operator language', () => {
    const statuses = [
      status(1, 'up'),
      status(2, 'up'),
      status(3, 'down'),
      status(4, 'degraded'),
      status(5, 'maintenance'),
    ];
    expect(trayState(statuses, 'en').tooltip).toBe('Vigia — 2 up · 1 down · 1 degraded · 1 in maintenance');
    expect(trayState(statuses, 'pt-BR').tooltip).toBe(
      'Vigia — 2 no ar · 1 fora · 1 degradados · 1 em manutenção',
    );
  });
});

describe('tray menu', () => {
  const towers = [tower(7, 'TWR-07', 'Morro Alto'), tower(9, 'TWR-09', 'Centro')];

  it('lists active alarms, each opening its device', () => {
    const items = trayMenu({
      alarms: [
        alarm(1, 42, 'OLT Centro'),
        alarm(2, 43, 'already handled', 'acknowledged'),
        alarm(3, null, 'Servidor'),
      ],
      towers,
      notificationsPaused: false,
      language: 'pt-BR',
    });
    const alarms = find(items, /^Alarmes ativos/);
    expect(alarms.label).toBe('Alarmes ativos (2)');
    expect(alarms.submenu).toEqual([
      { label: '[crítico] OLT Centro fora do ar', action: { kind: 'openDevice', deviceId: 42 } },
      { label: '[crítico] Servidor fora do ar', action: { kind: 'open' } },
    ]);
  });

  it('says so when nothing is alarmed', () => {
    const items = trayMenu({ alarms: [], towers, notificationsPaused: false, language: 'en' });
    expect(find(items, /^Active alarms/).submenu).toEqual([{ label: 'No active alarms', enabled: false }]);
  });

  it('offers maintenance for the whole network or one tower, for 30 min, 1 h, 4 h or until ended', () => {
    const items = trayMenu({ alarms: [], towers, notificationsPaused: false, language: 'en' });
    const maintenance = find(items, 'Maintenance mode').submenu!;
    const global = find(maintenance, 'Whole network').submenu!;
    expect(global.filter((item) => item.action).map((item) => [item.label, item.action])).toEqual([
      ['30 min', { kind: 'maintenance', target: { scope: 'global' }, minutes: 30 }],
      ['1 h', { kind: 'maintenance', target: { scope: 'global' }, minutes: 60 }],
      ['4 h', { kind: 'maintenance', target: { scope: 'global' }, minutes: 240 }],
      ['Until ended', { kind: 'maintenance', target: { scope: 'global' }, minutes: null }],
      ['End maintenance', { kind: 'endMaintenance', target: { scope: 'global' } }],
    ]);
    const centro = find(maintenance, 'TWR-09 — Centro').submenu!;
    expect(find(centro, '4 h').action).toEqual({
      kind: 'maintenance',
      target: { scope: 'tower', id: 9 },
      minutes: 240,
    });
    expect(find(centro, 'End maintenance').action).toEqual({
      kind: 'endMaintenance',
      target: { scope: 'tower', id: 9 },
    });
  });

  it('shows whether notifications are paused, and ends with quit', () => {
    const paused = trayMenu({ alarms: [], towers: [], notificationsPaused: true, language: 'pt-BR' });
    expect(find(paused, 'Pausar notificações')).toMatchObject({
      checked: true,
      action: { kind: 'togglePause' },
    });
    expect(paused.at(-1)).toEqual({ label: 'Sair', action: { kind: 'quit' } });
    expect(paused[0]).toEqual({ label: 'Abrir o Vigia', action: { kind: 'open' } });
  });

  it('keeps a long alarm list short enough for a menu', () => {
    const many = Array.from({ length: 40 }, (_, i) => alarm(i + 1, i + 1, `device ${i + 1}`));
    const items = trayMenu({ alarms: many, towers: [], notificationsPaused: false, language: 'en' });
    const submenu = find(items, /^Active alarms/);
    expect(submenu.label).toBe('Active alarms (40)');
    expect(submenu.submenu).toHaveLength(15);
  });
});
