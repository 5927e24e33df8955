import Papa from 'papaparse';
import { DeviceInput, type Device, type Tower } from '../../../shared/contract/entities';
import { unescapeFormula } from './csv-formula';

export interface ImportRow {
  line: number;
  input: DeviceInput | null;
  errors: string[];
  raw: Record<string, string>;
}

/**
 * Reads a CSV of devices and checks every row before anything is written: the schema, the tower
 * code, the parent address (an existing device or an earlier row is not allowed — parents must
 * exist), and duplicate addresses in the file or in the inventory.
 */
export function parseDeviceCsv(text: string, towers: Tower[], devices: Device[]): ImportRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: unescapeFormula,
  });
  const towerByCode = new Map(towers.map((tower) => [tower.code.toLowerCase(), tower.id]));
  const deviceByHost = new Map(devices.map((device) => [device.host.toLowerCase(), device.id]));
  const seen = new Set<string>();
  return parsed.data.map((raw, i) => {
    const errors: string[] = [];
    const towerCode = raw.tower?.trim();
    const parentHost = raw.parent?.trim();
    const towerId = towerCode ? towerByCode.get(towerCode.toLowerCase()) : null;
    if (towerCode && towerId === undefined) errors.push(`tower "${towerCode}" ?`);
    const parentId = parentHost ? deviceByHost.get(parentHost.toLowerCase()) : null;
    if (parentHost && parentId === undefined) errors.push(`parent "${parentHost}" ?`);
    const enabled = enabledOf(raw.enabled);
    if (enabled === null) errors.push(`enabled "${raw.enabled}" ?`);
    const candidate = {
      name: raw.name ?? '',
      host: raw.host ?? '',
      kind: raw.kind?.trim() || 'other',
      vendor: raw.vendor ?? '',
      model: raw.model ?? '',
      towerId: towerId ?? null,
      parentId: parentId ?? null,
      tags: (raw.tags ?? '')
        .split(/[;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
      notes: raw.notes ?? '',
      enabled: enabled ?? true,
    };
    const checked = DeviceInput.safeParse(candidate);
    if (!checked.success)
      errors.push(...checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    const host = candidate.host.trim().toLowerCase();
    if (host && (deviceByHost.has(host) || seen.has(host))) errors.push(`duplicate host ${candidate.host}`);
    seen.add(host);
    return { line: i + 2, input: errors.length === 0 && checked.success ? checked.data : null, errors, raw };
  });
}

/** The `enabled` column: absent or empty means enabled, as before the column existed. */
function enabledOf(cell: string | undefined): boolean | null {
  const value = cell?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'true') return true;
  return value === 'false' ? false : null;
}
