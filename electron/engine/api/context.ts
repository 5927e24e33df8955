import type { AppInfo } from '../../../shared/contract/api';
import type { EngineHealth } from '../../../shared/contract/events';
import type { BackupApiHandlers } from '../backup/api-handlers';
import type { EventBus } from '../event-bus';
import type { Monitor } from '../monitor/monitor';
import type { NotifyApiHandlers } from '../notify/notify-service';
import type { SnmpApiHandlers } from '../snmp/api-handlers';
import type { Repository } from '../store/repository';

/** What the API handlers work with. */
export interface ApiContext {
  repo: Repository;
  bus: EventBus;
  monitor: Monitor;
  snmp: SnmpApiHandlers;
  notify: NotifyApiHandlers;
  backup: BackupApiHandlers;
  info(): AppInfo;
  health(): EngineHealth;
  now(): number;
  /** Called after the device or tower inventory changed. */
  inventoryChanged(): Promise<void>;
  /** Called after a maintenance window started or ended (the SNMP side keeps its own copy). */
  maintenanceChanged(): Promise<void>;
}
