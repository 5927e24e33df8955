import {
  TRAPS_EVENT,
  TrapNotices,
  type TrapNotice,
  type TrapReceiverConfig,
  type TrapReceiverStats,
  type TrapsWorkerApi,
} from '../../../shared/contract/traps-worker';
import type { SupervisedWorker } from './supervisor';

/** The trap receiver as the engine sees it. */
export interface TrapReceiverPort {
  configure(config: TrapReceiverConfig): Promise<TrapReceiverStats>;
  stats(): Promise<TrapReceiverStats>;
  /** Batches of checked notices; a batch that fails validation is dropped and reported. */
  onNotices(listener: (notices: TrapNotice[]) => void): () => void;
}

export function workerTrapReceiver(
  worker: SupervisedWorker<TrapsWorkerApi>,
  log: (message: string) => void,
): TrapReceiverPort {
  return {
    configure: (config) => worker.call('traps.configure', config, { timeoutMs: 10_000 }),
    stats: () => worker.call('traps.stats', undefined, { timeoutMs: 10_000 }),
    onNotices: (listener) =>
      worker.on(TRAPS_EVENT, (data) => {
        const parsed = TrapNotices.safeParse(data);
        if (parsed.success) listener(parsed.data);
        else log(`traps: a batch from the receiver was not valid: ${parsed.error.issues[0]?.message ?? ''}`);
      }),
  };
}
