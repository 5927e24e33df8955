import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupRefused,
  StoreBackupService,
} from '../../../electron/engine/store-backup/store-backup-service';
import { openStore } from '../../../electron/engine/store/open-store';
import type { Repository } from '../../../electron/engine/store/repository';

// Real SQLite stores in a folder of this test's own; backups through SQLite's online backup API.
let dir: string;
let repo: Repository;
const DAY = 86_400_000;

async function snapshot(store: Repository) {
  const checks = await store.synthetic.checks();
  return {
    towers: await store.towers.list(),
    devices: await store.devices.list(),
    settings: await store.settings.all(),
    checks,
    results: await store.synthetic.results(checks[0]!.id, 0, Number.MAX_SAFE_INTEGER),
    audit: await store.audit.list(100),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-backup-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'live', 'vigia.db') });
  const tower = await repo.towers.create({
    code: 'T1',
    name: 'Torre Centro',
    latitude: -7.23,
    longitude: -35.88,
  } as never);
  await repo.devices.createMany(
    Array.from(
      { length: 200 },
      (_, i) =>
        ({ name: `cpe-${i}`, host: `10.9.${i >> 8}.${i & 255}`, kind: 'cpe', towerId: tower.id }) as never,
    ),
  );
  await repo.settings.set('ui.language', 'pt-BR');
  const check = await repo.synthetic.createCheck({
    name: 'Portal',
    spec: { kind: 'tcp', host: '10.0.0.1', port: 443 },
    intervalS: 300,
    timeoutMs: 5_000,
    enabled: true,
    uplink: false,
    groupId: 1,
    severity: 'major',
  });
  await repo.synthetic.insertResults(
    Array.from({ length: 50 }, (_, i) => ({
      checkId: check.id,
      at: 1_000 + i,
      ok: i % 7 !== 0,
      totalMs: i,
      dnsMs: null,
      connectMs: i,
      tlsMs: null,
      firstByteMs: null,
      status: null,
      error: i % 7 === 0 ? 'timeout' : null,
      detail: null,
    })),
  );
  await repo.audit.add({ at: 5, actor: 'Ana', action: 'test', target: 'store', details: 'antes do backup' });
});

afterAll(async () => {
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('database backups', () => {
  it('backs up the live store online while it is being written, and the copy passes the integrity check', async () => {
    const service = new StoreBackupService({
      repo,
      dataDir: join(dir, 'live'),
      databaseFile: join(dir, 'live', 'vigia.db'),
    });
    await service.start();
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => repo.settings.set(`busy.${i}`, i)));
    const file = await service.backUp();
    await writes;
    expect(file.name).toMatch(/^vigia-\d{8}-\d{6}\.db$/);
    expect(file.sizeBytes).toBeGreaterThan(0);
    expect(service.status()).toMatchObject({ dialect: 'sqlite', lastError: null, restorePending: null });
    expect(service.status().backups.map((backup) => backup.name)).toContain(file.name);
    await service.stop();
  });

  it('restores a backup into a fresh store: the same rows come back, and the replaced file is kept', async () => {
    const live = new StoreBackupService({
      repo,
      dataDir: join(dir, 'live'),
      databaseFile: join(dir, 'live', 'vigia.db'),
    });
    const before = await snapshot(repo);
    const file = await live.backUp();

    const fresh = join(dir, 'fresh');
    const freshDb = join(fresh, 'vigia.db');
    const empty = await openStore({ dialect: 'sqlite', file: freshDb });
    await empty.close();
    mkdirSync(join(fresh, 'backups'), { recursive: true });
    copyFileSync(join(dir, 'live', 'backups', file.name), join(fresh, 'backups', file.name));
    const restorer = new StoreBackupService({ repo: repo, dataDir: fresh, databaseFile: freshDb });
    restorer.restore(file.name);
    expect(restorer.status().restorePending).toBe('vigia.db.restore');

    const restored = await openStore({ dialect: 'sqlite', file: freshDb });
    try {
      const after = await snapshot(restored);
      expect(after).toEqual({ ...before, settings: after.settings });
      expect(after.settings).toMatchObject(before.settings);
      expect(after.devices).toHaveLength(200);
      expect(after.results).toHaveLength(50);
    } finally {
      await restored.close();
    }
    expect(existsSync(`${freshDb}.restore`)).toBe(false);
    const keptAs = readdirSync(fresh).find((name) => /^vigia\.db\.before-restore-\d+$/.test(name))!;
    const kept = new Database(join(fresh, keptAs), { readonly: true });
    expect(kept.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
    kept.close();
  });

  it("refuses a corrupt file, a file that is not SQLite and another program's database, staging nothing", async () => {
    const folder = join(dir, 'live', 'backups');
    const service = new StoreBackupService({
      repo,
      dataDir: join(dir, 'live'),
      databaseFile: join(dir, 'live', 'vigia.db'),
    });
    writeFileSync(join(folder, 'texto.db'), 'isto não é um banco de dados '.repeat(200));
    const good = (await service.backUp()).name;
    copyFileSync(join(folder, good), join(folder, 'danificado.db'));
    // Damage the pages after the header: the file still opens, the integrity check fails.
    const size = readFileSync(join(folder, 'danificado.db')).length;
    const fd = openSync(join(folder, 'danificado.db'), 'r+');
    for (let at = 8_192; at < size; at += 4_096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at + 100);
    closeSync(fd);
    const other = new Database(join(folder, 'outro.db'));
    other.exec('CREATE TABLE clientes (id INTEGER PRIMARY KEY)');
    other.close();

    const faultOf = (name: string) => {
      try {
        service.restore(name);
        return null;
      } catch (error) {
        return (error as BackupRefused).fault;
      }
    };
    expect(faultOf('texto.db')).toBe('not_sqlite');
    expect(faultOf('danificado.db')).toBe('corrupt');
    expect(faultOf('outro.db')).toBe('not_vigia');
    expect(faultOf('nao-existe.db')).toBe('missing');
    expect(service.status().restorePending).toBeNull();
    expect((await repo.devices.list()).length).toBe(200);
  });

  it('keeps the newest automatic backups only, leaving files put there by hand', async () => {
    const dataDir = join(dir, 'keep');
    let now = Date.UTC(2026, 10, 1, 3, 0, 0);
    const service = new StoreBackupService({
      repo,
      dataDir,
      databaseFile: join(dir, 'live', 'vigia.db'),
      now: () => now,
    });
    await service.start();
    await service.setConfig({ enabled: true, keep: 2 });
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'manual.db'), '');
    const names: string[] = [];
    for (let day = 0; day < 4; day++) {
      now += DAY;
      names.push((await service.backUp()).name);
    }
    const left = service
      .list()
      .map((backup) => backup.name)
      .sort();
    expect(left).toEqual(['manual.db', names[2]!, names[3]!].sort());
    expect(names[3]).toBe('vigia-20261105-030000.db');
    await service.stop();
  });
});
