import type { AppInfo } from '../../../shared/contract/api';
import type { EngineHealth } from '../../../shared/contract/events';
import type { AccountService } from '../accounts/account-service';
import type { AlarmService } from '../alarms/alarm-service';
import type { BackupApiHandlers } from '../backup/api-handlers';
import type { EventBus } from '../event-bus';
import type { Monitor } from '../monitor/monitor';
import type { NotifyApiHandlers } from '../notify/notify-service';
import type { SettingsApiHandlers } from '../settings/api-handlers';
import type { OpticalApiHandlers } from '../optical/api-handlers';
import type { OutageApiHandlers } from '../outage/api-handlers';
import type { SnmpApiHandlers } from '../snmp/api-handlers';
import type { ReportsApiHandlers } from '../reports/api-handlers';
import type { Repository } from '../store/repository';
import type { TrapApiHandlers } from '../traps/start-traps';
import type { SyntheticApiHandlers } from '../synthetic/api-handlers';
import type { ObservabilityApiHandlers } from '../observability/start-observability';
import type { StoreBackupApiHandlers } from '../store-backup/api-handlers';
import type { SelfApiHandlers } from '../self/api-handlers';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { TopologyApiHandlers } from '../topology/api-handlers';
import type { ClusterApiHandlers } from '../cluster/api-handlers';
import type { DeviceStatus } from '../../../shared/contract/entities';

/** What the API handlers work with. */
export interface ApiContext {
  repo: Repository;
  bus: EventBus;
  monitor: Monitor;
  alarms: AlarmService;
  snmp: SnmpApiHandlers;
  traps: TrapApiHandlers;
  notify: NotifyApiHandlers;
  settings: SettingsApiHandlers;
  optical: OpticalApiHandlers;
  backup: BackupApiHandlers;
  accounts: AccountService;
  outage: OutageApiHandlers;
  synthetic: SyntheticApiHandlers;
  observability: ObservabilityApiHandlers;
  storeBackup: StoreBackupApiHandlers;
  self: SelfApiHandlers;
  reports: ReportsApiHandlers;
  /** Given the inventory's device update, through which an accepted proposal sets a parent. */
  topology: (updateDevice: ApiHandlers['devices.update']) => TopologyApiHandlers;
  cluster: ClusterApiHandlers;
  /** Every device's current status (this instance's pollers', and the store's for the others'). */
  statuses(): Promise<DeviceStatus[]>;
  info(): AppInfo;
  health(): EngineHealth;
  now(): number;
  /** Called after the device or tower inventory changed (and its events were published). */
  inventoryChanged(): Promise<void>;
}
