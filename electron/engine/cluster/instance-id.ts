import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstanceId } from '../../../shared/contract/cluster';

/**
 * This installation's stable id, kept in its data folder: a group pinned to it stays pinned across
 * restarts and upgrades (the host name may change, the process id always does).
 */
export function stableInstanceId(dataDir: string): string {
  const file = join(dataDir, 'instance-id');
  try {
    const stored = InstanceId.safeParse(readFileSync(file, 'utf8'));
    if (stored.success) return stored.data;
  } catch {
    // No id yet: this is the installation's first start on this folder.
  }
  const id = randomUUID();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, id);
  return id;
}
