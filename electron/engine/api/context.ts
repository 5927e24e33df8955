import type { AppInfo } from '../../../shared/contract/api';
import type { EngineHealth } from '../../../shared/contract/events';
import type { EventBus } from '../event-bus';
import type { Monitor } from '../monitor/monitor';
import type { NotifyApiHandlers } from '../notify/notify-service';
import type { SnmpApiHandlers } from '../snmp/api-handlers';
import type { Repository } from '../store/repository';
import type { SyntheticApiHandlers } from '../synthetic/api-handlers';
import type { ObservabilityApiHandlers } from '../observability/start-observability';
import type { StoreBackupApiHandlers } from '../store-backup/api-handlers';

/** What the API handlers work with. */
export interface ApiContext {
  repo: Repository;
  bus: EventBus;
  monitor: Monitor;
  snmp: SnmpApiHandlers;
  notify: NotifyApiHandlers;
  synthetic: SyntheticApiHandlers;
  observability: ObservabilityApiHandlers;
  storeBackup: StoreBackupApiHandlers;
  info(): AppInfo;
  health(): EngineHealth;
  now(): number;
  /** Called after the device or tower inventory changed. */
  inventoryChanged(): Promise<void>;
  /** Called after a maintenance window started or ended (the SNMP side keeps its own copy). */
  maintenanceChanged(): Promise<void>;
}
