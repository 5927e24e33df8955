import Papa from 'papaparse';
import type { Device, DeviceStatus, Tower } from '../../../shared/contract/entities';
import { escapeFormula } from './csv-formula';

export function devicesToCsv(
  devices: Device[],
  towers: Map<number, Tower>,
  statuses: Map<number, DeviceStatus>,
): string {
  const hostOf = new Map(devices.map((device) => [device.id, device.host]));
  const rows = devices.map((device) => ({
    name: device.name,
    host: device.host,
    kind: device.kind,
    vendor: device.vendor,
    model: device.model,
    tower: device.towerId ? (towers.get(device.towerId)?.code ?? '') : '',
    parent: device.parentId ? (hostOf.get(device.parentId) ?? '') : '',
    tags: device.tags.join(';'),
    notes: device.notes,
    // Without it an export → import would switch every paused device back on.
    enabled: String(device.enabled),
    state: statuses.get(device.id)?.state ?? 'unknown',
  }));
  return Papa.unparse(
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, escapeFormula(cell)])),
    ),
  );
}

export function download(filename: string, content: string | Blob): void {
  const blob =
    typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
