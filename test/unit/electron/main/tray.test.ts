import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEngine, type RunningEngine } from '../../../../electron/engine/start-engine';
import { forkSpawner } from '../../../../electron/engine/collectors/spawner';
import { readPreferences } from '../../../../electron/main/preferences';

// The tray over a real engine (demo network, real SQLite, real SNMP worker). Electron is faked
// at its module boundary: the tray records its icon, tooltip and menu; the menu is clicked
// through the same template Electron would show.
const shell = vi.hoisted(() => ({
  tray: null as null | {
    image: string;
    tooltip: string;
    menu: MenuItemConstructorOptions[];
    listeners: Record<string, () => void>;
  },
}));
vi.mock('electron', () => ({
  app: { isPackaged: false, getAppPath: () => process.cwd() },
  nativeImage: { createFromPath: (path: string) => ({ path, isEmpty: () => false }) },
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
  Tray: class {
    constructor(image: { path: string }) {
      shell.tray = { image: image.path, tooltip: '', menu: [], listeners: {} };
    }
    setImage(image: { path: string }) {
      shell.tray!.image = image.path;
    }
    setToolTip(text: string) {
      shell.tray!.tooltip = text;
    }
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      shell.tray!.menu = menu;
    }
    on(event: string, listener: () => void) {
      shell.tray!.listeners[event] = listener;
    }
    destroy() {}
  },
}));

const { createTray } = await import('../../../../electron/main/tray');

let dir: string;
let engine: RunningEngine;
let tray: Awaited<ReturnType<typeof createTray>>;
const opened: string[] = [];
const errors: string[] = [];

const item = (items: MenuItemConstructorOptions[] | undefined, label: string | RegExp) => {
  const found = items?.find((candidate) =>
    typeof label === 'string' ? candidate.label === label : label.test(candidate.label ?? ''),
  );
  if (!found) throw new Error(`no "${String(label)}" in ${items?.map((i) => i.label).join(', ')}`);
  return found;
};
const submenu = (entry: MenuItemConstructorOptions) => entry.submenu as MenuItemConstructorOptions[];
const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as () => void)();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-tray-'));
  engine = await startEngine({
    dataDir: dir,
    demo: true,
    runtime: 'electron',
    spawner: forkSpawner,
    version: '0.0.0-test',
    // This computer's user: the actor of everything done from the tray.
    defaultOperator: 'Joana (NOC)',
    log: () => undefined,
  });
  await engine.call('settings.ui.set', { value: { language: 'en' } });
  tray = createTray({
    engine,
    preferences: readPreferences,
    openWindow: () => opened.push('window'),
    openDevice: (id) => opened.push(`device ${id}`),
    quit: () => opened.push('quit'),
    onError: (message) => errors.push(message),
  });
  await tray.refresh();
});

afterAll(async () => {
  tray?.dispose();
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tray over the demo network', () => {
  it('shows a state icon from the shipped files and counts devices in its tooltip', async () => {
    for (const color of ['green', 'yellow', 'red', 'grey']) {
      expect(existsSync(resolve('resources/tray', `${color}.png`))).toBe(true);
      expect(existsSync(resolve('resources/tray', `${color}@2x.png`))).toBe(true);
    }
    // The demo's first cycle finds incidents under way: once it ran, the tooltip counts the same
    // devices the engine reports (polled, since a later cycle may change them between the calls).
    await expect.poll(() => engine.health().lastCycleAt, { timeout: 30_000 }).not.toBeNull();
    let shown = { tooltip: '', icon: '' };
    let expected = { tooltip: '', icon: '' };
    await expect
      .poll(async () => {
        await tray.refresh();
        const statuses = await engine.call('status.snapshot', undefined);
        const of = (...states: string[]) => statuses.filter((s) => states.includes(s.state)).length;
        const [down, degraded, maintenance] = [
          of('down'),
          of('degraded', 'flapping', 'unreachable'),
          of('maintenance'),
        ];
        expected = {
          tooltip: [
            `Vigia — ${of('up')} up`,
            `${down} down`,
            `${degraded} degraded`,
            ...(maintenance > 0 ? [`${maintenance} in maintenance`] : []),
          ].join(' · '),
          icon: `${down > 0 ? 'red' : degraded > 0 ? 'yellow' : 'green'}.png`,
        };
        shown = { tooltip: shell.tray!.tooltip, icon: basename(shell.tray!.image) };
        return JSON.stringify(shown) === JSON.stringify(expected);
      })
      .toBe(true);
    expect(shown).toEqual(expected);
    expect(dirname(shell.tray!.image)).toBe(resolve('resources/tray'));
  });

  it('opens the window on a left click', () => {
    opened.length = 0;
    shell.tray!.listeners.click!();
    expect(opened).toEqual(['window']);
  });

  it('puts a tower into maintenance for 1 h from the menu, as the configured operator', async () => {
    const towers = await engine.call('towers.list', undefined);
    const target = towers[2]!;
    const towerMenu = item(
      submenu(item(shell.tray!.menu, 'Maintenance mode')),
      `${target.code} — ${target.name}`,
    );
    const before = Date.now();
    click(item(submenu(towerMenu), '1 h'));
    await expect
      .poll(
        async () =>
          (await engine.call('towers.list', undefined)).find((t) => t.id === target.id)!.maintenanceBy,
      )
      .toBe('Joana (NOC)');
    const after = (await engine.call('towers.list', undefined)).find((t) => t.id === target.id)!;
    expect(after.maintenanceUntil! - before).toBeGreaterThanOrEqual(59 * 60_000);
    expect(after.maintenanceUntil! - before).toBeLessThanOrEqual(61 * 60_000);

    click(item(submenu(towerMenu), 'End maintenance'));
    await expect
      .poll(
        async () =>
          (await engine.call('towers.list', undefined)).find((t) => t.id === target.id)!.maintenanceUntil,
      )
      .toBeNull();
  });

  it('starts and ends global maintenance until ended', async () => {
    await tray.act({ kind: 'maintenance', target: { scope: 'global' }, minutes: null });
    expect(await engine.call('maintenance.global', undefined)).toMatchObject({
      until: null,
      by: 'Joana (NOC)',
    });
    await tray.act({ kind: 'endMaintenance', target: { scope: 'global' } });
    expect(await engine.call('maintenance.global', undefined)).toBeNull();
  });

  it('pauses and resumes notifications, and the menu shows it', async () => {
    await tray.act({ kind: 'togglePause' });
    expect((await engine.call('settings.get', undefined)).notifications.paused).toBe(true);
    await tray.refresh();
    expect(item(shell.tray!.menu, 'Pause notifications')).toMatchObject({ type: 'checkbox', checked: true });
    await tray.act({ kind: 'togglePause' });
    expect((await engine.call('settings.get', undefined)).notifications.paused).toBe(false);
  });

  it('lists the active alarms, each opening its device', async () => {
    const active = await engine.call('alarms.list', { states: ['active'], limit: 100 });
    await tray.refresh();
    const alarms = item(shell.tray!.menu, /^Active alarms/);
    expect(alarms.label).toBe(`Active alarms (${active.length})`);
    const withDevice = active.find((alarm) => alarm.deviceId !== null);
    // The demo's first cycle finds a radio already down (seeded incidents): there is one to click.
    expect(withDevice).toBeDefined();
    opened.length = 0;
    click(submenu(alarms)[active.indexOf(withDevice!)]!);
    expect(opened).toEqual([`device ${withDevice!.deviceId}`]);
  });

  it('tells the operator when the engine refuses an action, as for a tower deleted meanwhile', async () => {
    await expect(
      tray.act({ kind: 'maintenance', target: { scope: 'tower', id: 987_654 }, minutes: 30 }),
    ).rejects.toThrow('Tower 987654 does not exist.');

    const created = await engine.call('towers.create', {
      name: 'Provisória',
      code: 'TMP-1',
      latitude: -23,
      longitude: -46,
    });
    await tray.refresh();
    const menu = item(submenu(item(shell.tray!.menu, 'Maintenance mode')), 'TMP-1 — Provisória');
    await engine.call('towers.delete', { id: created.id });
    click(item(submenu(menu), '30 min'));
    await expect.poll(() => errors).toEqual([`Tower ${created.id} does not exist.`]);
  });

  it('quits from the menu', () => {
    opened.length = 0;
    click(item(shell.tray!.menu, 'Quit'));
    expect(opened).toEqual(['quit']);
  });
});
