import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as sqliteSchema from './schema/sqlite';
import type { Dialect } from './repository';

/**
 * The query-builder surface both dialects share. drizzle's SQLite and PostgreSQL builders take
 * the same calls for everything the repository does (select, insert … returning, on conflict,
 * update, delete), so the repository is written once against the SQLite types and each dialect
 * hands it its own database and tables. What truly differs — opening, migrating, transactions,
 * parameter limits — lives in the dialect files.
 */
export type Db = BetterSQLite3Database;
export type Tables = typeof sqliteSchema;

export interface StoreDialect {
  readonly name: Dialect;
  readonly db: Db;
  readonly tables: Tables;
  /** Bound parameters one statement may carry. */
  readonly maxParams: number;
  /** Runs `work` atomically; the caller guarantees no other write runs meanwhile (one writer). */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
