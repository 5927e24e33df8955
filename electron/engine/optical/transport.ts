import type {
  CollectProgress,
  FetchOutcome,
  OpticalCardRecord,
  OpticalMeasureRecord,
  SmartApiOptions,
  SmartApiTarget,
  VendorAlarmRecord,
} from '../../../shared/contract/optical-worker';

/** How the optical service reads Smart API endpoints: the collector process, or in-process in tests. */
export interface OpticalTransport {
  inventory(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<OpticalCardRecord>>;
  measures(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<OpticalMeasureRecord>>;
  alarms(target: SmartApiTarget, options: SmartApiOptions): Promise<FetchOutcome<VendorAlarmRecord>>;
  onProgress(listener: (progress: CollectProgress) => void): () => void;
}
