import type { Reason } from '../validation/issue-reason';
import { normalizeWord } from './columns';

export interface KnownDevice {
  id: number;
  name: string;
  host: string;
}

export type ParentResolution =
  | { kind: 'existing'; id: number }
  | { kind: 'row'; index: number }
  | { kind: 'none' }
  | { kind: 'problem'; reason: Reason };

interface RowIdentity {
  name: string;
  host: string;
  parent: string;
}

const problem = (key: string, params: Record<string, string | number>): ParentResolution => ({
  kind: 'problem',
  reason: { key: `import.reason.${key}`, params },
});

/**
 * Indexes a key's owners. A name owned twice is ambiguous (-1); an address belongs to its first
 * row (a later row with it is refused as a duplicate, so the first is the one imported).
 */
function indexBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  valueOf: (item: T, i: number) => number,
  twice: 'ambiguous' | 'first',
) {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key === '') return;
    if (!index.has(key)) index.set(key, valueOf(item, i));
    else if (twice === 'ambiguous') index.set(key, -1);
  });
  return index;
}

/**
 * A parent cell names a device by address, else by name: a row of this file (so a parent may come
 * further down) or the inventory. A name shared by two devices is ambiguous.
 */
export function resolveParents(
  rows: readonly RowIdentity[],
  devices: readonly KnownDevice[],
): ParentResolution[] {
  const host = (text: string) => text.trim().toLowerCase();
  const deviceByHost = indexBy(
    devices,
    (device) => host(device.host),
    (device) => device.id,
    'first',
  );
  const deviceByName = indexBy(
    devices,
    (device) => normalizeWord(device.name),
    (device) => device.id,
    'ambiguous',
  );
  // A row whose address the inventory already has is refused; the device it names is the stored one.
  const rowByHost = indexBy(
    rows,
    (row) => (deviceByHost.has(host(row.host)) ? '' : host(row.host)),
    (_row, i) => i,
    'first',
  );
  const rowByName = indexBy(
    rows,
    (row) => normalizeWord(row.name),
    (_row, i) => i,
    'ambiguous',
  );
  return rows.map((row, i): ParentResolution => {
    const cell = row.parent.trim();
    if (cell === '') return { kind: 'none' };
    const candidates: [Map<string, number>, string, 'row' | 'existing'][] = [
      [rowByHost, host(cell), 'row'],
      [deviceByHost, host(cell), 'existing'],
      [rowByName, normalizeWord(cell), 'row'],
      [deviceByName, normalizeWord(cell), 'existing'],
    ];
    for (const [index, key, kind] of candidates) {
      const found = index.get(key);
      if (found === undefined) continue;
      if (found === -1) return problem('parentAmbiguous', { parent: cell });
      if (kind === 'row' && found === i) return problem('parentSelf', { parent: cell });
      return kind === 'row' ? { kind, index: found } : { kind, id: found };
    }
    return problem('parentUnknown', { parent: cell });
  });
}

/**
 * The loops that parents within the file close, each as the row indexes around it in order
 * (a device cannot depend on itself through others: the monitor would never find the root cause).
 */
export function parentCycles(parents: readonly ParentResolution[]): number[][] {
  const state = new Uint8Array(parents.length); // 0 unvisited, 1 on the current path, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < parents.length; start++) {
    const path: number[] = [];
    let at: number | null = start;
    while (at !== null && state[at] === 0) {
      state[at] = 1;
      path.push(at);
      const parent: ParentResolution = parents[at]!;
      at = parent.kind === 'row' ? parent.index : null;
    }
    if (at !== null && state[at] === 1) cycles.push(path.slice(path.indexOf(at)));
    for (const visited of path) state[visited] = 2;
  }
  return cycles;
}
