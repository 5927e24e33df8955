import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres, type TestPostgres } from './postgres';

/**
 * The same store test on both dialects, for `describe.each`: a SQLite file in a temporary folder
 * and a real PostgreSQL, both removed after the file's tests.
 */
export function storeDialects(name: string): { name: string; open: () => Promise<Repository> }[] {
  const dir = mkdtempSync(join(tmpdir(), `vigia-${name}-`));
  let postgres: TestPostgres | null = null;
  afterAll(async () => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return [
    { name: 'sqlite', open: () => openStore({ dialect: 'sqlite', file: join(dir, `${name}.db`) }) },
    {
      name: 'postgres',
      open: async () => {
        postgres = await startTestPostgres();
        return openStore({ dialect: 'postgres', url: postgres.url });
      },
    },
  ];
}
