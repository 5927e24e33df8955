import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionTable, TOUCH_EVERY_MS } from '../../../../../electron/engine/accounts/sessions';
import { openStore } from '../../../../../electron/engine/store/open-store';
import type { Repository } from '../../../../../electron/engine/store/repository';

let dir: string;
let repo: Repository;
let now: number;
let users: number[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-sessions-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  now = 1_000;
  users = [];
  for (const name of ['ana', 'bia'])
    users.push(
      (await repo.users.create({ name, role: 'operator', passwordHash: 'x', mustChangePassword: false })).id,
    );
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine sessions, in the store', () => {
  it('expire after their lifetime, end one by one or all of a user but one', async () => {
    const sessions = new SessionTable(repo.signIn, () => now, 60_000);
    const [ana, bia] = users as [number, number];
    const first = await sessions.issue(ana);
    const second = await sessions.issue(ana);
    const other = await sessions.issue(bia);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await sessions.get(first)).toEqual({
      userId: ana,
      issuedAt: 1_000,
      expiresAt: 61_000,
      lastUsedAt: 1_000,
    });
    await sessions.endAllOf(ana, second);
    expect(await sessions.get(first)).toBeNull();
    expect(await sessions.get(second)).not.toBeNull();
    await sessions.end(second);
    expect(await sessions.get(second)).toBeNull();
    now += 59_999;
    expect(await sessions.get(other)).not.toBeNull();
    now += 1;
    expect(await sessions.get(other)).toBeNull();
    expect(await sessions.get('made-up')).toBeNull();
  });

  it('keeps only the SHA-256 of a token, and a table opened again (an engine restart) finds the session', async () => {
    const token = await new SessionTable(repo.signIn, () => now).issue(users[0]!);
    await repo.close();
    const raw = new Database(join(dir, 'vigia.db'), { readonly: true });
    const rows = raw.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    raw.close();
    expect(rows).toEqual([{ token_hash: hash(token) }]);

    repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
    expect(await new SessionTable(repo.signIn, () => now).get(token)).toMatchObject({ userId: users[0] });
  });

  it('records the last use at most once a minute', async () => {
    const sessions = new SessionTable(repo.signIn, () => now);
    const token = await sessions.issue(users[0]!);
    now += TOUCH_EVERY_MS - 1;
    await sessions.get(token);
    expect((await repo.signIn.session(hash(token)))?.lastUsedAt).toBe(1_000);
    now += 1;
    await sessions.get(token);
    // Recorded behind the call: wait on the row, not on a timer.
    await expect.poll(async () => (await repo.signIn.session(hash(token)))?.lastUsedAt).toBe(now);
  });
});

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
