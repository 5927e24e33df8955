import {
  CollectProgress,
  OPTICAL_PROGRESS_EVENT,
  type FetchOutcome,
  type OpticalCardRecord,
  type OpticalMeasureRecord,
  type OpticalWorkerApi,
  type SmartApiOptions,
  type SmartApiTarget,
  type VendorAlarmRecord,
} from '../../../shared/contract/optical-worker';
import type { SupervisedWorker } from './supervisor';

/** How the optical service reads Smart API endpoints: the collector process, or in-process in tests. */
export interface OpticalTransport {
  inventory(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<OpticalCardRecord>>;
  measures(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<OpticalMeasureRecord>>;
  alarms(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<VendorAlarmRecord>>;
  onProgress(listener: (progress: CollectProgress) => void): () => void;
}

/** The optical service's transport over the collector worker process. */
export function workerOpticalTransport(worker: SupervisedWorker<OpticalWorkerApi>): OpticalTransport {
  // A collection may read many pages, each bounded by the timeout and its retries.
  const timeoutMs = (options: SmartApiOptions) => 60_000 + options.timeoutMs * (options.retries + 1) * 50;
  return {
    inventory: (target: SmartApiTarget, options: SmartApiOptions) =>
      worker.call('optical.inventory', { target, options }, { timeoutMs: timeoutMs(options) }),
    measures: (target, options) =>
      worker.call('optical.measures', { target, options }, { timeoutMs: timeoutMs(options) }),
    alarms: (target, options) =>
      worker.call('optical.alarms', { target, options }, { timeoutMs: timeoutMs(options) }),
    onProgress: (listener) =>
      worker.on(OPTICAL_PROGRESS_EVENT, (data) => {
        const parsed = CollectProgress.safeParse(data);
        if (parsed.success) listener(parsed.data);
      }),
  };
}
