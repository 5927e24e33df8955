import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db, StoreDialect, Tables } from './dialect';
import { migrationError, postgresOpenError, redactUrl } from './errors';
import { resolveMigrationsDir } from './migrations-dir';
import * as tables from './schema/pg';

/** PostgreSQL's limit on bound parameters per statement. */
const PG_MAX_PARAMS = 65_535;

export async function openPostgres(url: string, migrationsRoot?: string): Promise<StoreDialect> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
  // A broken connection in the pool must not take the process down; the next query reports it.
  pool.on('error', (error) =>
    console.error(`PostgreSQL connection lost (${redactUrl(url)}): ${error.message}`),
  );
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresOpenError(url, error);
  }
  const db = drizzle(pool);
  try {
    await migrate(db, { migrationsFolder: resolveMigrationsDir('pg', migrationsRoot) });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw migrationError(redactUrl(url), error);
  }
  // The repository is written once against the shared builder surface (see dialect.ts).
  const shared = db as unknown as Db;
  return {
    name: 'postgres',
    db: shared,
    tables: tables as unknown as Tables,
    maxParams: PG_MAX_PARAMS,
    transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
    close: () => pool.end(),
  };
}
