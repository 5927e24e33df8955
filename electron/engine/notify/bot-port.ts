import { MaintenanceScope, MaintenanceStart } from '../../../shared/contract/api';
import { Actor } from '../../../shared/contract/common';
import type { AlarmService } from '../alarms/alarm-service';
import type { Inventory } from '../inventory/inventory';
import type { Monitor } from '../monitor/monitor';
import type { TelegramBotPort } from './telegram-bot';

/**
 * The bot's narrow way into the engine: reads from memory (statuses, inventory, open alarms);
 * actions validated by the contract's schemas, as the API would, then done by their owners.
 */
export function engineBotPort(parts: {
  monitor: Monitor;
  alarms: AlarmService;
  inventory: Inventory;
}): TelegramBotPort {
  const { monitor, alarms, inventory } = parts;
  return {
    statuses: () => monitor.snapshot(),
    devices: () => inventory.allDevices(),
    towers: () => inventory.allTowers(),
    openAlarms: () => alarms.allOpen(),
    acknowledge: (ids, by, note) => alarms.acknowledge(ids, Actor.parse(by), note),
    startMaintenance: (input) => monitor.startMaintenance(MaintenanceStart.parse(input)),
    endMaintenance: (target, by) => monitor.endMaintenance(MaintenanceScope.parse(target), Actor.parse(by)),
  };
}
