import Papa from 'papaparse';
import type { Device, DeviceStatus, Tower } from '../../../shared/contract/entities';

export function devicesToCsv(
  devices: Device[],
  towers: Map<number, Tower>,
  statuses: Map<number, DeviceStatus>,
): string {
  const hostOf = new Map(devices.map((device) => [device.id, device.host]));
  return Papa.unparse(
    devices.map((device) => ({
      name: device.name,
      host: device.host,
      kind: device.kind,
      vendor: device.vendor,
      model: device.model,
      tower: device.towerId ? (towers.get(device.towerId)?.code ?? '') : '',
      parent: device.parentId ? (hostOf.get(device.parentId) ?? '') : '',
      tags: device.tags.join(';'),
      notes: device.notes,
      state: statuses.get(device.id)?.state ?? 'unknown',
    })),
  );
}

export function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
