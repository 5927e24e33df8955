import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where drizzle-kit's migrations are: beside this file when running from source, or — from the
 * bundle in out/main, or from an installed app's resources — in the repository layout the
 * package keeps (electron/engine/store/migrations).
 */
export function resolveMigrationsDir(dialect: 'sqlite' | 'pg', override?: string): string {
  if (override) return join(override, dialect);
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'migrations'),
    resolve(here, '../../electron/engine/store/migrations'),
    resolve(here, '../../../electron/engine/store/migrations'),
    resolve(process.cwd(), 'electron/engine/store/migrations'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, dialect, 'meta', '_journal.json')));
  if (!found)
    throw new Error(`Vigia's database migrations were not found (looked in ${candidates.join(', ')})`);
  return join(found, dialect);
}
