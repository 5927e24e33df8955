import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../shared/contract/events';
import type { ImportDeviceRow } from '../../shared/contract/inventory-import';
import { readHeader } from '../../shared/domain/import/columns';
import { planImport } from '../../shared/domain/import/plan';
import { readImportFile } from '../../shared/domain/import/read-file';
import { ApiFailure } from '../../shared/contract/api-failure';
import type { Repository } from '../../electron/engine/store/repository';
import { StoreError } from '../../electron/engine/store/repository';
import { startTestEngine } from '../helpers/test-engine';
import { storeDialects } from '../helpers/store-dialects';

const dialects = storeDialects('inventory-import');

const device = (
  name: string,
  host: string,
  parent: ImportDeviceRow['parent'],
  tower: ImportDeviceRow['tower'] = null,
): ImportDeviceRow => ({
  name,
  host,
  tower,
  parent,
});

describe.each(dialects)('inventory import store on $name', ({ open }) => {
  let repo: Repository;
  beforeAll(async () => {
    repo = await open();
  });
  afterAll(async () => {
    await repo.close();
  });

  it('writes new towers and devices whose parents come later in the list, with every link an id', async () => {
    const written = await repo.inventoryImport.write(
      [{ name: 'Torre Nova', code: 'TN', latitude: -23.5, longitude: -46.6 }],
      [
        device('leaf', '10.8.0.3', { kind: 'row', index: 1 }, { kind: 'new', index: 0 }),
        device('middle', '10.8.0.2', { kind: 'row', index: 2 }),
        device('root', '10.8.0.1', null, { kind: 'new', index: 0 }),
      ],
    );
    expect(written.towers.map((tower) => tower.code)).toEqual(['TN']);
    const byName = new Map((await repo.devices.list()).map((d) => [d.name, d]));
    const towerId = written.towers[0]!.id;
    expect(byName.get('root')).toMatchObject({ parentId: null, towerId });
    expect(byName.get('middle')).toMatchObject({ parentId: byName.get('root')!.id, towerId: null });
    expect(byName.get('leaf')).toMatchObject({ parentId: byName.get('middle')!.id, towerId });
  });

  it('writes nothing when one row fails: the towers before it are rolled back too', async () => {
    const before = [(await repo.towers.list()).length, (await repo.devices.list()).length];
    const failed = await repo.inventoryImport
      .write(
        [{ name: 'Torre Outra', code: 'TO', latitude: -23.5, longitude: -46.6 }],
        [device('fresh', '10.8.1.1', null, { kind: 'new', index: 0 }), device('clash', '10.8.0.1', null)],
      )
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StoreError);
    expect((failed as StoreError).code).toBe('conflict');
    expect([(await repo.towers.list()).length, (await repo.devices.list()).length]).toEqual(before);
  });
});

describe('inventory.import through the engine', () => {
  let running: Awaited<ReturnType<typeof startTestEngine>>;
  beforeAll(async () => {
    running = await startTestEngine('import', { demo: false, defaultOperator: 'noc01' });
  });
  afterAll(async () => {
    await running?.stop();
  });

  async function plan() {
    const reading = await readImportFile(
      new Uint8Array(readFileSync(resolve('test/fixtures/import/dispositivos-excel-windows-1252.csv'))),
    );
    if (!reading.ok) throw new Error(reading.reason);
    const [towers, devices] = await Promise.all([
      running.engine.call('towers.list', undefined),
      running.engine.call('devices.list', undefined),
    ]);
    return planImport(
      reading,
      readHeader(reading.header, () => true).mapping,
      { towers, devices },
      { createTowers: true },
    );
  }

  it('writes the preview’s valid rows and new towers, then the same file is all duplicates', async () => {
    const first = await plan();
    const events: VigiaEvent[] = [];
    const unsubscribe = running.engine.subscribe((event) => events.push(event));
    expect(await running.engine.call('inventory.import', first.request)).toEqual({
      towers: 3,
      devices: 5,
    });
    unsubscribe();
    const devices = await running.engine.call('devices.list', undefined);
    // The five devices are announced in one event, as stored.
    expect(events.filter((event) => event.type === 'device.upserted')).toEqual([]);
    expect(events.filter((event) => event.type === 'devices.upserted')).toEqual([
      { type: 'devices.upserted', devices: expect.arrayContaining(devices) },
    ]);
    const towers = await running.engine.call('towers.list', undefined);
    const setorial = devices.find((d) => d.name === 'Setorial Norte 1')!;
    const ptp = devices.find((d) => d.name === 'PTP Norte')!;
    expect(setorial).toMatchObject({
      host: '10.0.1.10',
      kind: 'sector_ap',
      tags: ['setor', '5ghz'],
      parentId: ptp.id,
    });
    expect(towers.find((t) => t.id === ptp.towerId)).toMatchObject({
      name: 'Torre Norte',
      latitude: -23.48,
      longitude: -46.62,
    });
    const audit = await running.engine.call('audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({
      actor: 'noc01',
      action: 'inventory.import',
      details: '3 towers, 5 devices imported',
    });

    const again = await plan();
    expect(again.valid).toBe(0);
    expect(again.rows[0]!.reasons).toEqual([
      { key: 'import.reason.hostInInventory', params: { host: '10.0.0.1', device: 'Concentrador Centro' } },
    ]);
    // A stale preview confirmed after another workstation imported the same file: refused, in Portuguese.
    const error = await running.engine.call('inventory.import', first.request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).error).toMatchObject({
      code: 'conflict',
      message: 'A torre nova "Torre Centro" tem o código TORRE-CENTRO, que já existe; nada foi importado.',
    });
    expect((await running.engine.call('devices.list', undefined)).length).toBe(5);
  });

  it('refuses references that do not hold, naming the rows of a loop', async () => {
    const error = await running.engine
      .call('inventory.import', {
        towers: [],
        devices: [
          device('x', '10.9.0.1', { kind: 'row', index: 1 }),
          device('y', '10.9.0.2', { kind: 'row', index: 0 }),
        ],
      })
      .catch((e: unknown) => e);
    expect((error as ApiFailure).error.message).toBe(
      'As linhas 1 → 2 → 1 formam um ciclo de pais; nada foi importado.',
    );
  });
});
