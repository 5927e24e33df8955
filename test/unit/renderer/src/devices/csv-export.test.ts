import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Device, DeviceStatus } from '../../../../../shared/contract/entities';
import { devicesToCsv } from '../../../../../renderer/src/devices/csv-export';
import { storedDevice, storedFields, tower } from './device-arbitraries';

const device = (overrides: Partial<Device>): Device => ({
  id: 1,
  name: 'OLT Centro',
  host: '10.0.0.1',
  kind: 'olt',
  vendor: 'Huawei',
  model: 'MA5800',
  towerId: null,
  parentId: null,
  tags: [],
  enabled: true,
  notes: '',
  ...storedFields,
  ...overrides,
});

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data;

describe('devices CSV export', () => {
  it('writes one row per device with its tower code, parent address, tags, state and enabled', () => {
    const olt = device({ id: 1, towerId: 7, tags: ['core', 'fibra'] });
    const onu = device({ id: 2, name: 'ONU 1', host: '10.0.0.2', kind: 'cpe', parentId: 1, enabled: false });
    const statuses = new Map<number, DeviceStatus>([
      [1, { deviceId: 1, state: 'up', since: 1, lastCheck: 1, rttMs: 2, lossPct: 0, cause: null }],
    ]);
    const csv = devicesToCsv([olt, onu], new Map([[7, tower(7, 'TC')]]), statuses);
    expect(csv.split('\r\n')).toEqual([
      'name,host,kind,vendor,model,tower,parent,tags,notes,enabled,state',
      'OLT Centro,10.0.0.1,olt,Huawei,MA5800,TC,,core;fibra,,true,up',
      'ONU 1,10.0.0.2,cpe,Huawei,MA5800,,10.0.0.1,,,false,unknown',
    ]);
  });

  it('writes cells that a spreadsheet would run as a formula as text', () => {
    const csv = devicesToCsv(
      [
        device({
          name: '=HYPERLINK("http://x","clique")',
          vendor: '+cmd|calc',
          model: '-2+3',
          notes: '@SUM(A1)',
          tags: ['\tguia'],
        }),
        device({ id: 2, host: '10.0.0.2', name: '\rretorno', notes: 'a=1 no meio não é fórmula' }),
      ],
      new Map(),
      new Map(),
    );
    const [first, second] = rowsOf(csv);
    expect(first).toMatchObject({
      name: `'=HYPERLINK("http://x","clique")`,
      vendor: "'+cmd|calc",
      model: "'-2+3",
      notes: "'@SUM(A1)",
      tags: "'\tguia",
    });
    expect(second).toMatchObject({ name: "'\rretorno", notes: 'a=1 no meio não é fórmula' });
  });

  it('never leaves a cell starting with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(storedDevice(1), { minLength: 1, maxLength: 3 }), (devices) => {
        const unique = devices.map((d, i) => ({ ...d, id: i + 1, host: `${d.host}-${i}` }));
        for (const row of rowsOf(devicesToCsv(unique, new Map(), new Map())))
          for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});
