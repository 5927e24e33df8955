import type { z } from 'zod';
import type { ImportDeviceRow, InventoryImport } from '../../../shared/contract/inventory-import';
import { parentCycles } from '../../../shared/domain/import/parents';
import { translate, type Language, type MessageKey, type MessageParams } from '../../../shared/i18n';
import type { ApiContext } from './context';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { ApiFailure } from '../../../shared/contract/api-failure';

/**
 * `inventory.import`: the rows an operator confirmed, checked once more against the inventory as
 * it is now (another workstation may have added an address since the preview), then written in
 * one transaction, audited once and announced like any other change.
 */
export function inventoryImportHandlers(ctx: ApiContext): Pick<ApiHandlers, 'inventory.import'> {
  const { repo, bus } = ctx;
  return {
    'inventory.import': async ({ towers: newTowers, devices: rows }, caller) => {
      const language = (await ctx.settings['settings.get'](undefined, caller)).ui.language;
      await checkReferences(ctx, language, newTowers, rows);
      const written = await repo.inventoryImport.write(newTowers, rows);
      await repo.audit.add({
        at: ctx.now(),
        actor: caller.name,
        action: 'inventory.import',
        target: 'devices',
        details: `${written.towers.length} towers, ${written.devices.length} devices imported`,
      });
      for (const tower of written.towers) bus.publish({ type: 'tower.upserted', tower });
      if (written.devices.length > 0) bus.publish({ type: 'devices.upserted', devices: written.devices });
      await ctx.inventoryChanged();
      return { towers: written.towers.length, devices: written.devices.length };
    },
  };
}

async function checkReferences(
  ctx: ApiContext,
  language: Language,
  newTowers: z.output<typeof InventoryImport>['towers'],
  rows: z.output<typeof ImportDeviceRow>[],
): Promise<void> {
  const fail = (code: 'invalid_input' | 'conflict', key: MessageKey, params: MessageParams, path: string) => {
    const message = translate(language, key, params);
    throw new ApiFailure({ code, message, issues: [{ path, message }] });
  };
  const [towers, devices] = await Promise.all([ctx.repo.towers.list(), ctx.repo.devices.list()]);
  const towerIds = new Set(towers.map((tower) => tower.id));
  const codes = new Set(towers.map((tower) => tower.code.toUpperCase()));
  for (const [i, tower] of newTowers.entries())
    if (codes.has(tower.code.trim().toUpperCase()))
      fail(
        'conflict',
        'inventoryImport.codeInUse',
        { name: tower.name, code: tower.code },
        `towers.${i}.code`,
      );
  const owner = new Map(devices.map((device) => [device.host.toLowerCase(), device.name]));
  const deviceIds = new Set(devices.map((device) => device.id));
  const firstRowOf = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const at = { row: i + 1 };
    const host = row.host.trim().toLowerCase();
    const taken = owner.get(host);
    if (taken !== undefined)
      fail(
        'conflict',
        'inventoryImport.hostInUse',
        { ...at, host: row.host, owner: taken },
        `devices.${i}.host`,
      );
    const first = firstRowOf.get(host);
    if (first !== undefined)
      fail('conflict', 'inventoryImport.hostTwice', { ...at, first, host: row.host }, `devices.${i}.host`);
    firstRowOf.set(host, i + 1);
    const { tower, parent } = row;
    if (tower?.kind === 'existing' && !towerIds.has(tower.id))
      fail('invalid_input', 'inventoryImport.towerMissing', { ...at, id: tower.id }, `devices.${i}.tower`);
    if (tower?.kind === 'new' && tower.index >= newTowers.length)
      fail(
        'invalid_input',
        'inventoryImport.towerIndex',
        { ...at, index: tower.index + 1 },
        `devices.${i}.tower`,
      );
    if (parent?.kind === 'existing' && !deviceIds.has(parent.id))
      fail('invalid_input', 'inventoryImport.parentMissing', { ...at, id: parent.id }, `devices.${i}.parent`);
    if (parent?.kind === 'row' && (parent.index >= rows.length || parent.index === i))
      fail(
        'invalid_input',
        'inventoryImport.parentIndex',
        { ...at, index: parent.index + 1 },
        `devices.${i}.parent`,
      );
  }
  const [loop] = parentCycles(rows.map((row) => row.parent ?? { kind: 'none' }));
  if (loop) {
    const named = [...loop, loop[0]!].map((i) => i + 1).join(' → ');
    fail('invalid_input', 'inventoryImport.parentLoop', { rows: named }, `devices.${loop[0]}.parent`);
  }
}
