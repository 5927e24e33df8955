import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../../shared/contract/pinger';
import type { PingTransport } from '../../../shared/contract/pinger';
import { systemPing } from './system-ping';

export interface Pinger extends PingTransport {
  close(): void;
}

const NO_RAW_RIGHTS =
  'No raw-socket rights: run Vigia as administrator (Windows) or give it CAP_NET_RAW (Linux). ' +
  'Using the system ping, slower.';

/** EPERM/EACCES as raw-socket words them (it throws strerror text, without an errno code). */
const REFUSED = /operation not permitted|permission denied|forbidden by its access permissions/i;

/** The note for a raw engine that could not start: missing rights, or something else broken. */
export function fallbackNote(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (REFUSED.test(message)) return NO_RAW_RIGHTS;
  return `Raw ICMP is unavailable here (${message}). Using the system ping, slower.`;
}

/**
 * The raw-socket pinger when this process may open raw sockets, else the system-ping fallback,
 * with a note in words the operator can act on. raw-socket is a native module, loaded only here,
 * so a module that fails to load also ends in the fallback instead of a crashed worker.
 */
export async function createPinger(options: { forceMode?: 'raw' | 'system-ping' } = {}): Promise<Pinger> {
  let note: string | null = 'The system ping was chosen instead of raw ICMP.';
  if (options.forceMode !== 'system-ping') {
    try {
      const { RawPinger } = await import('./raw-pinger');
      const rawPinger = new RawPinger();
      const mode: PingerMode = { mode: 'raw', note: null };
      return {
        mode: async () => mode,
        run: (targets: PingTarget[], pingOptions: PingOptions): Promise<PingResult[]> =>
          rawPinger.run(targets, pingOptions),
        close: () => rawPinger.close(),
      };
    } catch (error) {
      if (options.forceMode === 'raw') throw error;
      note = fallbackNote(error);
    }
  }
  const mode: PingerMode = { mode: 'system-ping', note };
  return {
    mode: async () => mode,
    run: (targets: PingTarget[], pingOptions: PingOptions) => systemPing(targets, pingOptions),
    close: () => undefined,
  };
}
