import type { Alarm, DeviceStatus, Tower } from '../../shared/contract/entities';
import { renderAlarm } from '../../shared/domain/alarms/render';
import { translate, type Language } from '../../shared/i18n';

export type { Language } from '../../shared/i18n';
export type TrayColor = 'green' | 'yellow' | 'red' | 'grey';

export interface TrayState {
  color: TrayColor;
  tooltip: string;
}

const words = {
  'pt-BR': {
    noData: 'sem dados',
    up: 'no ar',
    degraded: 'degradados',
    down: 'fora',
    maintenance: 'em manutenção',
  },
  en: { noData: 'no data', up: 'up', degraded: 'degraded', down: 'down', maintenance: 'in maintenance' },
};

/** The tray icon's colour is the worst current state; its tooltip counts devices by state. */
export function trayState(statuses: DeviceStatus[], language: Language): TrayState {
  const w = words[language];
  const count = (predicate: (status: DeviceStatus) => boolean) => statuses.filter(predicate).length;
  const known = count((status) => status.state !== 'unknown');
  if (known === 0) return { color: 'grey', tooltip: `Vigia — ${w.noData}` };
  const down = count((status) => status.state === 'down');
  const degraded = count(
    (status) => status.state === 'degraded' || status.state === 'flapping' || status.state === 'unreachable',
  );
  const maintenance = count((status) => status.state === 'maintenance');
  const up = count((status) => status.state === 'up');
  const color: TrayColor = down > 0 ? 'red' : degraded > 0 ? 'yellow' : 'green';
  const parts = [`${up} ${w.up}`, `${down} ${w.down}`, `${degraded} ${w.degraded}`];
  if (maintenance > 0) parts.push(`${maintenance} ${w.maintenance}`);
  return { color, tooltip: `Vigia — ${parts.join(' · ')}` };
}

export type TrayAction =
  | { kind: 'open' }
  | { kind: 'openDevice'; deviceId: number }
  | {
      kind: 'maintenance';
      target: { scope: 'global' } | { scope: 'tower'; id: number };
      minutes: number | null;
    }
  | { kind: 'endMaintenance'; target: { scope: 'global' } | { scope: 'tower'; id: number } }
  | { kind: 'togglePause' }
  | { kind: 'quit' };

export interface TrayMenuItem {
  label: string;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
  checked?: boolean;
  separator?: boolean;
  enabled?: boolean;
}

const menuWords = {
  'pt-BR': {
    open: 'Abrir o Vigia',
    alarms: 'Alarmes ativos',
    none: 'Nenhum alarme ativo',
    maintenance: 'Modo manutenção',
    global: 'Toda a rede',
    durations: ['30 min', '1 h', '4 h', 'Até encerrar'],
    end: 'Encerrar manutenção',
    pause: 'Pausar notificações',
    quit: 'Sair',
  },
  en: {
    open: 'Open Vigia',
    alarms: 'Active alarms',
    none: 'No active alarms',
    maintenance: 'Maintenance mode',
    global: 'Whole network',
    durations: ['30 min', '1 h', '4 h', 'Until ended'],
    end: 'End maintenance',
    pause: 'Pause notifications',
    quit: 'Quit',
  },
};

const DURATIONS: (number | null)[] = [30, 60, 240, null];
const MAX_ALARMS_IN_MENU = 15;

/** The right-click menu, built from the engine's state alone so it can be tested without Electron. */
export function trayMenu(input: {
  alarms: Alarm[];
  towers: Tower[];
  notificationsPaused: boolean;
  language: Language;
}): TrayMenuItem[] {
  const w = menuWords[input.language];
  const windows = (target: { scope: 'global' } | { scope: 'tower'; id: number }): TrayMenuItem[] => [
    ...DURATIONS.map((minutes, i) => ({
      label: w.durations[i]!,
      action: { kind: 'maintenance' as const, target, minutes },
    })),
    { label: '', separator: true },
    { label: w.end, action: { kind: 'endMaintenance' as const, target } },
  ];
  const active = input.alarms.filter((alarm) => alarm.state === 'active').slice(0, MAX_ALARMS_IN_MENU);
  return [
    { label: w.open, action: { kind: 'open' } },
    {
      label: `${w.alarms} (${input.alarms.filter((alarm) => alarm.state === 'active').length})`,
      submenu:
        active.length === 0
          ? [{ label: w.none, enabled: false }]
          : active.map((alarm) => ({
              label:
                `[${translate(input.language, `alarm.severity.${alarm.severity}`)}] ${renderAlarm(input.language, alarm)}`.slice(
                  0,
                  80,
                ),
              ...(alarm.deviceId
                ? { action: { kind: 'openDevice' as const, deviceId: alarm.deviceId } }
                : { action: { kind: 'open' as const } }),
            })),
    },
    {
      label: w.maintenance,
      submenu: [
        { label: w.global, submenu: windows({ scope: 'global' }) },
        { label: '', separator: true },
        ...input.towers.map((tower) => ({
          label: `${tower.code} — ${tower.name}`,
          submenu: windows({ scope: 'tower', id: tower.id }),
        })),
      ],
    },
    { label: w.pause, action: { kind: 'togglePause' }, checked: input.notificationsPaused },
    { label: '', separator: true },
    { label: w.quit, action: { kind: 'quit' } },
  ];
}
