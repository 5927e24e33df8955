import { accountsApiHandlers } from '../accounts/api-handlers';
import type { ApiContext } from './context';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { inventoryHandlers } from './inventory-handlers';
import { inventoryImportHandlers } from './inventory-import-handlers';
import { operationsHandlers } from './operations-handlers';

export function createApiHandlers(ctx: ApiContext): ApiHandlers {
  const inventory = inventoryHandlers(ctx);
  return {
    ...inventory,
    ...inventoryImportHandlers(ctx),
    ...operationsHandlers(ctx),
    ...ctx.snmp,
    ...ctx.traps,
    ...ctx.notify,
    ...ctx.settings,
    ...ctx.optical,
    ...ctx.backup,
    ...accountsApiHandlers(ctx.accounts),
    ...ctx.outage,
    ...ctx.synthetic,
    ...ctx.observability,
    ...ctx.storeBackup,
    ...ctx.self,
    ...ctx.reports,
    ...ctx.topology(inventory['devices.update']),
    ...ctx.cluster,
  };
}
