import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../../shared/contract/pinger';
import type { PingTransport } from '../monitor/transport';
import { RawPinger } from './raw-pinger';
import { systemPing } from './system-ping';

export interface Pinger extends PingTransport {
  close(): void;
}

const NO_RAW_RIGHTS =
  'No raw-socket rights: run Vigia as administrator (Windows) or give it CAP_NET_RAW (Linux). ' +
  'Monitoring continues with the system ping, which is slower.';

/**
 * The raw-socket pinger when this process may open raw sockets, else the system-ping fallback,
 * with a note in words the operator can act on.
 */
export function createPinger(options: { forceMode?: 'raw' | 'system-ping' } = {}): Pinger {
  let rawPinger: RawPinger | null = null;
  let note: string | null = null;
  if (options.forceMode !== 'system-ping') {
    try {
      rawPinger = new RawPinger();
    } catch (error) {
      if (options.forceMode === 'raw') throw error;
      note = `${NO_RAW_RIGHTS} (${(error as Error).message})`;
    }
  } else {
    note = 'The system ping was chosen in settings.';
  }
  const mode: PingerMode = rawPinger ? { mode: 'raw', note: null } : { mode: 'system-ping', note };
  return {
    mode: async () => mode,
    run: (targets: PingTarget[], pingOptions: PingOptions): Promise<PingResult[]> =>
      rawPinger ? rawPinger.run(targets, pingOptions) : systemPing(targets, pingOptions),
    close: () => rawPinger?.close(),
  };
}
