import { describe, expect, it } from 'vitest';
import { icmpSummary, isElevated, privilegeNotice, runCommand } from '../../../../electron/main/privileges';
import { startWithSystem } from '../../../../electron/main/start-with-system';
import {
  createStartupTaskCommand,
  deleteStartupTaskCommand,
  queryStartupTaskCommand,
} from '../../../../electron/main/startup-task';
import type { AppInfo } from '../../../../shared/contract/api';

const exe = 'C:\\Program Files\\Vigia\\Vigia.exe';

describe('the logon task that starts Vigia elevated', () => {
  it('runs the installed exe, hidden in the tray, at logon, with the highest privileges', () => {
    expect(createStartupTaskCommand(exe)).toEqual([
      'schtasks',
      ['/Create', '/TN', 'Vigia NOC', '/TR', `"${exe}" --hidden`, '/SC', 'ONLOGON', '/RL', 'HIGHEST', '/F'],
    ]);
  });

  it('is removed and queried by the same name', () => {
    expect(deleteStartupTaskCommand()).toEqual(['schtasks', ['/Delete', '/TN', 'Vigia NOC', '/F']]);
    expect(queryStartupTaskCommand()).toEqual(['schtasks', ['/Query', '/TN', 'Vigia NOC']]);
  });
});

describe('start with the system', () => {
  const recorder = (codes: Record<string, number | null>) => {
    const ran: string[] = [];
    return {
      ran,
      run: async (command: string, args: string[]) => {
        ran.push([command, ...args].join(' '));
        return codes[args[0]!] ?? 0;
      },
    };
  };
  const noLoginItems = {
    get: () => {
      throw new Error('login items are not used on Windows');
    },
    set: () => {
      throw new Error('login items are not used on Windows');
    },
  };

  it('on Windows, is the scheduled task: present means enabled', async () => {
    const present = recorder({ '/Query': 0 });
    const windows = startWithSystem({
      platform: 'win32',
      exePath: exe,
      run: present.run,
      loginItems: noLoginItems,
    });
    expect(await windows.isEnabled()).toBe(true);
    const absent = recorder({ '/Query': 1 });
    expect(
      await startWithSystem({
        platform: 'win32',
        exePath: exe,
        run: absent.run,
        loginItems: noLoginItems,
      }).isEnabled(),
    ).toBe(false);
  });

  it('on Windows, creates and deletes the task, and says when schtasks refused', async () => {
    const ok = recorder({});
    const windows = startWithSystem({
      platform: 'win32',
      exePath: exe,
      run: ok.run,
      loginItems: noLoginItems,
    });
    await windows.setEnabled(true);
    await windows.setEnabled(false);
    expect(ok.ran).toEqual([
      `schtasks /Create /TN Vigia NOC /TR "${exe}" --hidden /SC ONLOGON /RL HIGHEST /F`,
      'schtasks /Delete /TN Vigia NOC /F',
    ]);
    const denied = recorder({ '/Create': 1, '/Delete': 1 });
    const refused = startWithSystem({
      platform: 'win32',
      exePath: exe,
      run: denied.run,
      loginItems: noLoginItems,
    });
    await expect(refused.setEnabled(true)).rejects.toThrow(
      'schtasks could not create the logon task (exit code 1)',
    );
    await expect(refused.setEnabled(false)).resolves.toBeUndefined();
  });

  it('elsewhere, uses the login items and starts hidden', async () => {
    let stored = { openAtLogin: false, args: [] as string[] };
    const linux = startWithSystem({
      platform: 'linux',
      exePath: '/opt/Vigia/vigia',
      run: async () => {
        throw new Error('no schtasks outside Windows');
      },
      loginItems: { get: () => stored, set: (settings) => (stored = settings) },
    });
    expect(await linux.isEnabled()).toBe(false);
    await linux.setEnabled(true);
    expect(stored).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(await linux.isEnabled()).toBe(true);
  });
});

describe('privileges', () => {
  it('reads elevation on Windows from `net session`', async () => {
    const ran: string[] = [];
    const run = (code: number | null) => async (command: string, args: string[]) => {
      ran.push([command, ...args].join(' '));
      return code;
    };
    expect(await isElevated('win32', run(0), undefined)).toBe(true);
    expect(await isElevated('win32', run(2), undefined)).toBe(false);
    expect(await isElevated('win32', run(null), undefined)).toBe(false);
    expect(ran).toEqual(['net session', 'net session', 'net session']);
  });

  it('reads elevation elsewhere from the user id', async () => {
    const never = async () => {
      throw new Error('not run');
    };
    expect(await isElevated('linux', never, 0)).toBe(true);
    expect(await isElevated('linux', never, 1000)).toBe(false);
  });

  it('runs real commands and reports their exit codes', async () => {
    expect(await runCommand(process.execPath, ['-e', ''])).toBe(0);
    expect(await runCommand(process.execPath, ['-e', 'process.exit(3)'])).toBe(3);
    expect(await runCommand('/nonexistent/vigia-command', [])).toBeNull();
  });

  const info: AppInfo = {
    version: '1.0.0',
    demo: false,
    dialect: 'sqlite',
    runtime: 'electron',
    icmpMode: 'system-ping',
    icmpNote: 'noRawRights',
  };

  it('explains the fallback once when not elevated, in the operator language', () => {
    expect(privilegeNotice(true, info, 'en')).toBeNull();
    expect(privilegeNotice(false, { ...info, demo: true }, 'en')).toBeNull();
    const en = privilegeNotice(false, info, 'en')!;
    expect(en.message).toBe('Vigia is running without administrator rights');
    expect(en.detail).toContain('system ping');
    expect(en.detail).toContain(
      '\n\nNo raw-socket rights: run Vigia as administrator (Windows) or give it CAP_NET_RAW (Linux).',
    );
    expect(privilegeNotice(false, info, 'pt-BR')!.detail).toContain(
      '\n\nSem permissão para sockets brutos: execute o Vigia como administrador',
    );
    expect(privilegeNotice(false, { ...info, icmpNote: null }, 'pt-BR')!.message).toBe(
      'O Vigia está rodando sem privilégios de administrador',
    );
  });

  it('words the ICMP mode and its note in the operator language for the About dialog', () => {
    expect(icmpSummary(info, 'pt-BR')).toBe(
      'ICMP: ping do sistema — Sem permissão para sockets brutos: execute o Vigia como administrador (Windows) ou conceda CAP_NET_RAW (Linux). Usando o ping do sistema, mais lento.',
    );
    expect(icmpSummary({ ...info, icmpMode: 'raw', icmpNote: null }, 'en')).toBe('ICMP: raw ICMP');
  });
});
