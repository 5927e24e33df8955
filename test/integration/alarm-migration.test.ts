import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveMigrationsDir } from '../../electron/engine/store/migrations-dir';
import { openStore, type StoreConfig } from '../../electron/engine/store/open-store';
import type { Alarm } from '../../shared/contract/entities';
import { renderAlarm } from '../../shared/domain/alarms/render';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

/** Alarms as the version before this one wrote them: a Portuguese sentence, the SNMP subject in the type. */
const OLD_ALARMS = [
  // source, device?, tower?, type, severity, state, message, affected, open key suffix
  [
    'icmp',
    'device',
    null,
    'device_down',
    'critical',
    'active',
    'OLT Centro fora do ar: causa raiz, 3 dispositivos afetados',
    3,
  ],
  [
    'icmp',
    null,
    'tower',
    'tower_down',
    'critical',
    'cleared',
    'Torre Serra fora do ar: 2 dispositivos afetados',
    2,
  ],
  [
    'icmp',
    null,
    'tower',
    'sector_problem',
    'major',
    'active',
    'Problema de setor na torre Serra: 2 de 2 dispositivos sem resposta',
    2,
  ],
  ['snmp', 'device', null, 'if_down:3', 'major', 'active', 'Interface ether3 went down', 1],
  [
    'snmp',
    'device',
    null,
    'if_utilization:2',
    'warning',
    'acknowledged',
    'ether2: utilisation 96.0 past 90',
    1,
  ],
  ['snmp', 'device', null, 'signal_low:radio', 'warning', 'active', 'radio: signal -81.5 past -80', 1],
  ['system', null, null, 'store_slow', 'minor', 'cleared', 'Banco de dados lento', 1],
] as const;

interface Dialect {
  name: 'sqlite' | 'pg';
  /** A fresh, empty store's configuration, with these migrations. */
  fresh(migrationsDir?: string): Promise<StoreConfig>;
  /** Runs statements on the store outside the repository (as the older version would have). */
  exec(config: StoreConfig, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), `vigia-alarm-migration-${process.pid}-`));
let postgres: TestPostgres | null = null;
let databases = 0;

const dialects: Dialect[] = [
  {
    name: 'sqlite',
    fresh: async (migrationsDir) => {
      databases += 1;
      return { dialect: 'sqlite', file: join(dir, `store-${databases}.db`), migrationsDir };
    },
    exec: async (config, sql, params = []) => {
      const database = new Database((config as { file: string }).file);
      try {
        const statement = database.prepare(sql.replace(/\$\d+/g, '?'));
        return statement.reader
          ? (statement.all(...params) as Record<string, unknown>[])
          : (statement.run(...params), []);
      } finally {
        database.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'pg',
    fresh: async (migrationsDir) => {
      postgres ??= await startTestPostgres();
      databases += 1;
      const name = `vigia_migration_${process.pid}_${databases}`;
      await withClient(postgres.url, (client) => client.query(`CREATE DATABASE "${name}"`));
      const url = new URL(postgres.url);
      url.pathname = `/${name}`;
      return { dialect: 'postgres', url: url.toString(), migrationsDir };
    },
    exec: (config, sql, params = []) =>
      withClient((config as { url: string }).url, async (client) => (await client.query(sql, params)).rows),
    cleanup: async () => postgres?.stop(),
  },
];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The shipped migrations up to `lastTag` (the version before), plus extra SQL as one more migration. */
function migrations(
  name: string,
  dialect: 'sqlite' | 'pg',
  lastTag: string | null,
  extra: string[] = [],
): string {
  const target = join(dir, `migrations-${name}-${dialect}`);
  cpSync(join(resolveMigrationsDir(dialect), '..'), target, { recursive: true });
  const journalFile = join(target, dialect, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  if (lastTag)
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag) + 1);
  if (extra.length > 0) {
    const tag = `9999_${name}`;
    journal.entries.push({ ...journal.entries.at(-1)!, idx: journal.entries.length, when: Date.now(), tag });
    writeFileSync(join(target, dialect, `${tag}.sql`), extra.join('\n--> statement-breakpoint\n'));
  }
  writeFileSync(journalFile, JSON.stringify(journal));
  return target;
}

const PREVIOUS = { sqlite: '0001_yielding_the_liberteens', pg: '0001_cute_sebastian_shaw' } as const;

describe.each(dialects)('alarm migration on $name', (dialect) => {
  afterAll(() => dialect.cleanup(), 60_000);

  /** A store as the previous version left it: a tower, a device and its alarms as sentences. */
  async function previousStore(): Promise<{ config: StoreConfig; deviceId: number; towerId: number }> {
    const config = await dialect.fresh(migrations('previous', dialect.name, PREVIOUS[dialect.name]));
    const repo = await openStore(config);
    const tower = await repo.towers.create({
      name: 'Torre Serra',
      code: 'SR',
      latitude: -7.2,
      longitude: -35.9,
    });
    const [device] = await repo.devices.createMany([
      { name: 'OLT Centro', host: '10.0.0.1', towerId: tower.id },
      { name: 'AP Norte', host: '10.0.0.2', towerId: tower.id },
    ]);
    await repo.close();
    for (const [
      index,
      [source, onDevice, onTower, type, severity, state, message, affected],
    ] of OLD_ALARMS.entries()) {
      const deviceId = onDevice ? device!.id : null;
      const towerId = onTower ? tower.id : null;
      const openKey = state === 'cleared' ? null : `${deviceId ?? 0}:${towerId ?? 0}:${type}`;
      await dialect.exec(
        config,
        'INSERT INTO alarms (source, device_id, tower_id, type, severity, state, message, affected, raised_at, cleared_at, open_key) ' +
          'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
        [
          source,
          deviceId,
          towerId,
          type,
          severity,
          state,
          message,
          affected,
          1_000 + index,
          state === 'cleared' ? 5_000 : null,
          openKey,
        ],
      );
    }
    return { config: { ...config, migrationsDir: undefined }, deviceId: device!.id, towerId: tower.id };
  }

  const pick = (alarm: Alarm) => [
    alarm.source,
    alarm.type,
    alarm.ref,
    alarm.state,
    alarm.params,
    alarm.affected,
  ];

  it('keeps every alarm, its facts now type, reference and parameters', async () => {
    const { config, deviceId, towerId } = await previousStore();
    const repo = await openStore(config);
    try {
      const alarms = await repo.alarms.list({ states: ['active', 'acknowledged', 'cleared'], limit: 100 });
      expect(alarms.sort((a, b) => a.raisedAt - b.raisedAt).map(pick)).toEqual([
        ['icmp', 'device_down', null, 'active', { device: 'OLT Centro' }, 3],
        ['icmp', 'tower_down', null, 'cleared', { tower: 'Torre Serra' }, 2],
        ['icmp', 'sector_problem', null, 'active', { tower: 'Torre Serra', failed: 2, total: 2 }, 2],
        ['snmp', 'if_down', 'if:3', 'active', { interface: 'ether3' }, 1],
        ['snmp', 'if_utilization', 'if:2', 'acknowledged', { interface: 'ether2', value: 96, limit: 90 }, 1],
        ['snmp', 'signal_low', 'radio', 'active', { interface: 'radio', value: -81.5, limit: -80 }, 1],
        ['system', 'store_slow', null, 'cleared', { text: 'Banco de dados lento' }, 1],
      ]);
      const text = alarms.map((alarm) => renderAlarm('pt-BR', alarm)).sort();
      expect(text).toContain('OLT Centro fora do ar: causa raiz, 3 dispositivos afetados');
      expect(text).toContain('ether2: utilização de 96%, acima de 90%');
      // The open ones keep their place: the same subject is not opened twice.
      const open = await repo.alarms.open();
      expect(open).toHaveLength(5);
      expect(
        await repo.alarms.raiseMany([
          {
            source: 'snmp',
            deviceId,
            towerId: null,
            ref: 'if:3',
            type: 'if_down',
            severity: 'major',
            params: {},
            affected: 1,
            raisedAt: 9_000,
          },
          {
            source: 'icmp',
            deviceId: null,
            towerId,
            ref: null,
            type: 'sector_problem',
            severity: 'major',
            params: {},
            affected: 1,
            raisedAt: 9_000,
          },
        ]),
      ).toEqual([]);
    } finally {
      await repo.close();
    }
  }, 120_000);

  it('leaves the store as it was when the update fails', async () => {
    const { config } = await previousStore();
    const broken = migrations('broken', dialect.name, null, ['INSERT INTO no_such_table VALUES (1)']);
    await expect(openStore({ ...config, migrationsDir: broken })).rejects.toMatchObject({
      code: 'migration',
    });
    const rows = await dialect.exec(config, 'SELECT type, message, open_key FROM alarms ORDER BY raised_at');
    expect(rows.map((row) => [row.type, row.message])).toEqual(OLD_ALARMS.map((row) => [row[3], row[6]]));
    const columns = await dialect.exec(
      config,
      dialect.name === 'sqlite'
        ? "SELECT name FROM pragma_table_info('alarms') WHERE name IN ('params', 'ref')"
        : "SELECT column_name FROM information_schema.columns WHERE table_name = 'alarms' AND column_name IN ('params', 'ref')",
    );
    expect(columns).toEqual([]);
  }, 120_000);
});
