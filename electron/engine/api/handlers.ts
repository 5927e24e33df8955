import type { ApiContext } from './context';
import type { ApiHandlers } from './dispatch';
import { inventoryHandlers } from './inventory-handlers';
import { operationsHandlers } from './operations-handlers';

export function createApiHandlers(ctx: ApiContext): ApiHandlers {
  return {
    ...inventoryHandlers(ctx),
    ...operationsHandlers(ctx),
    ...ctx.snmp,
    ...ctx.notify,
    ...ctx.settings,
    ...ctx.optical,
    ...ctx.backup,
    ...ctx.reports,
  };
}
