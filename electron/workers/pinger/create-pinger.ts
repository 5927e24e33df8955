import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../../shared/contract/pinger';
import type { PingTransport } from '../../../shared/contract/pinger';
import { systemPing } from './system-ping';

export interface Pinger extends PingTransport {
  close(): void;
}

/** EPERM/EACCES as raw-socket words them (it throws strerror text, without an errno code). */
const REFUSED = /operation not permitted|permission denied|forbidden by its access permissions/i;

/**
 * The system-ping mode for a raw engine that could not start: missing rights, or something else
 * broken. The note is a code the reader's language words; the system's own text goes to the log.
 */
export function fallbackMode(error: unknown): PingerMode {
  const message = error instanceof Error ? error.message : String(error);
  if (REFUSED.test(message)) return { mode: 'system-ping', note: 'noRawRights' };
  return { mode: 'system-ping', note: 'rawUnavailable', detail: message.slice(0, 500) };
}

/**
 * The raw-socket pinger when this process may open raw sockets, else the system-ping fallback,
 * with a note in words the operator can act on. raw-socket is a native module, loaded only here,
 * so a module that fails to load also ends in the fallback instead of a crashed worker.
 */
export async function createPinger(options: { forceMode?: 'raw' | 'system-ping' } = {}): Promise<Pinger> {
  let mode: PingerMode = { mode: 'system-ping', note: 'systemPingChosen' };
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
      mode = fallbackMode(error);
    }
  }
  return {
    mode: async () => mode,
    run: (targets: PingTarget[], pingOptions: PingOptions) => systemPing(targets, pingOptions),
    close: () => undefined,
  };
}
