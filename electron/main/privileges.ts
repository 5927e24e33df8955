import { execFile } from 'node:child_process';
import type { AppInfo } from '../../shared/contract/api';
import { translate } from '../../shared/i18n';
import type { Language } from './tray-model';

/** Runs a command and resolves with its exit code (null when it could not start at all). */
export type RunCommand = (command: string, args: string[]) => Promise<number | null>;

export const runCommand: RunCommand = (command, args) =>
  new Promise((resolve) => {
    execFile(command, args, { windowsHide: true, timeout: 10_000 }, (error) => {
      if (!error) return resolve(0);
      resolve(typeof error.code === 'number' ? error.code : null);
    });
  });

/**
 * Whether Vigia runs with administrator rights, which raw ICMP sockets need on Windows.
 * `net session` succeeds only in an elevated process; elsewhere, root is what counts.
 */
export async function isElevated(
  platform: NodeJS.Platform,
  run: RunCommand,
  uid: number | undefined,
): Promise<boolean> {
  if (platform === 'win32') return (await run('net', ['session'])) === 0;
  return uid === 0;
}

export interface Notice {
  title: string;
  message: string;
  detail: string;
}

/** How pings are sent and why, in the operator's language (the About dialog's line). */
export function icmpSummary(info: AppInfo, language: Language): string {
  const mode = translate(language, `engine.icmpMode.${info.icmpMode}`);
  return `ICMP: ${mode}${info.icmpNote ? ` — ${translate(language, `engine.icmpNote.${info.icmpNote}`)}` : ''}`;
}

/** The first-run explanation when Vigia is not elevated: what still works and what to do. */
export function privilegeNotice(elevated: boolean, info: AppInfo, language: Language): Notice | null {
  if (elevated || info.demo) return null;
  const note = info.icmpNote ? `\n\n${translate(language, `engine.icmpNote.${info.icmpNote}`)}` : '';
  return language === 'en'
    ? {
        title: 'Vigia',
        message: 'Vigia is running without administrator rights',
        detail:
          'Raw ICMP needs administrator rights, so pings go through the system ping command instead: ' +
          'monitoring works, but more slowly and with less precise latency on large networks. ' +
          `Start Vigia with "Run as administrator" (the installed shortcut does this) to use raw ICMP.${note}`,
      }
    : {
        title: 'Vigia',
        message: 'O Vigia está rodando sem privilégios de administrador',
        detail:
          'O ICMP bruto exige privilégios de administrador; por isso os pings usam o comando ping do ' +
          'sistema: o monitoramento funciona, porém mais devagar e com latência menos precisa em redes ' +
          `grandes. Abra o Vigia com "Executar como administrador" (o atalho instalado já faz isso) para usar ICMP bruto.${note}`,
      };
}
