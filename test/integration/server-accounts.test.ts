import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WsServerMessage, type WsResponse } from '../../shared/contract/ws';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import { startHttpServer, type VigiaServer } from '../../electron/server/http-server';

// Named users against a real engine (accounts access, SQLite) behind the real headless server on
// 127.0.0.1: sign-in over HTTP, every call over the WebSocket with the session cookie, and the
// audit log read back from the store. Nothing leaves loopback.
let dir: string;
let engine: RunningEngine;
let server: VigiaServer;
let deviceId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-accounts-${process.pid}-`));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  engine = await startEngine({
    dataDir: join(dir, 'data'),
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: 'accounts',
    access: 'accounts',
    log: () => undefined,
  });
  server = await startHttpServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(dir, 'renderer'),
    accounts: true,
  });
});

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function login(name: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const response = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: response.status, cookie };
}

/** A browser signed in as someone: calls over the WebSocket with its cookie. */
class Session {
  private nextId = 1;
  private readonly waiting = new Map<number, (response: WsResponse) => void>();
  closedWith: number | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = WsServerMessage.parse(JSON.parse(String(data)));
      if (!('event' in message)) this.waiting.get(message.id)?.(message);
    });
    socket.on('close', (code) => (this.closedWith = code));
  }

  static async open(cookie: string): Promise<Session> {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api`, { headers: { cookie } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    return new Session(socket);
  }

  call(method: string, input?: unknown): Promise<WsResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, input }));
    });
  }

  async ok<T>(method: string, input?: unknown): Promise<T> {
    const answer = await this.call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.result as T;
  }

  async refused(method: string, input?: unknown): Promise<{ code: string; message: string }> {
    const answer = await this.call(method, input);
    if (answer.ok) throw new Error(`${method} was allowed`);
    return answer.error;
  }

  close(): void {
    this.socket.close();
  }
}

/** Signs in, sets a password of one's own when asked to, and opens a session with it. */
async function signedIn(name: string, given: string, own: string): Promise<Session> {
  const first = await login(name, given);
  expect(first.status).toBe(204);
  const session = await Session.open(first.cookie!);
  await session.ok('account.changePassword', { current: given, next: own });
  return session;
}

let admin: Session;
let ana: Session;
let bia: Session;

describe('accounts on the headless server', () => {
  it('makes a first admin with a one-time password that only serves to choose a new one', async () => {
    expect(engine.firstAdminPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await login('admin', 'not-the-password')).status).toBe(401);
    const { cookie } = await login('admin', engine.firstAdminPassword!);
    admin = await Session.open(cookie!);
    expect(await admin.ok('account.me')).toEqual({
      name: 'admin',
      role: 'admin',
      mustChangePassword: true,
      local: false,
    });
    expect((await admin.refused('devices.list')).code).toBe('forbidden');
    expect((await admin.refused('account.changePassword', { current: 'errada', next: 'curta' })).code).toBe(
      'invalid_input',
    );
    await admin.ok('account.changePassword', {
      current: engine.firstAdminPassword!,
      next: 'senha-do-admin-2026',
    });
    expect(await admin.ok('account.me')).toMatchObject({ mustChangePassword: false });
    // The one-time password is gone.
    expect((await login('admin', engine.firstAdminPassword!)).status).toBe(401);

    const device = await admin.ok<{ id: number }>('devices.create', {
      name: 'OLT Serra',
      host: '127.0.0.78',
    });
    deviceId = device.id;
    await admin.ok('users.create', { name: 'Ana', role: 'operator', password: 'provisoria-ana-1' });
    await admin.ok('users.create', { name: 'bia', role: 'viewer', password: 'provisoria-bia-1' });
    expect(
      (await admin.ok<{ name: string; role: string }[]>('users.list')).map((u) => `${u.name}:${u.role}`),
    ).toEqual(['admin:admin', 'ana:operator', 'bia:viewer']);
    const listed = JSON.stringify(await admin.ok('users.list'));
    expect(listed).not.toContain('scrypt');
  });

  it('lets a viewer read but not acknowledge, and an operator acknowledge but not configure', async () => {
    ana = await signedIn('ana', 'provisoria-ana-1', 'senha-da-ana-2026');
    bia = await signedIn('bia', 'provisoria-bia-1', 'senha-da-bia-2026');
    await engine.alarms.raise({
      source: 'backup',
      type: 'backup_failed',
      subject: { deviceId, towerId: null, ref: null },
      severity: 'major',
      params: { device: 'OLT Serra' },
    });
    const [alarm] = engine.alarms.openAlarms('backup');

    expect((await bia.ok<unknown[]>('devices.list')).length).toBe(1);
    const denied = await bia.refused('alarms.acknowledge', { ids: [alarm!.id], note: '' });
    expect(denied).toMatchObject({
      code: 'forbidden',
      message: 'Seu perfil (leitura) não permite esta ação; ela exige o perfil operador.',
    });
    expect(
      (await bia.refused('maintenance.start', { target: { scope: 'global' }, minutes: 5, reason: 'x' })).code,
    ).toBe('forbidden');

    expect((await ana.refused('settings.monitor.set', { value: { intervalS: 30 } })).code).toBe('forbidden');
    expect((await ana.refused('users.list')).code).toBe('forbidden');
    // Nor any of the Users page's actions.
    expect(
      (await ana.refused('users.create', { name: 'eva', role: 'admin', password: 'provisoria-eva-1' })).code,
    ).toBe('forbidden');
    expect((await ana.refused('users.update', { id: 1, disabled: true })).code).toBe('forbidden');
    expect((await ana.refused('users.resetPassword', { id: 1, password: 'provisoria-adm-1' })).code).toBe(
      'forbidden',
    );
    expect((await ana.refused('devices.delete', { id: deviceId })).code).toBe('forbidden');
    // A page may not even name the server's own sign-in method.
    expect((await ana.refused('auth.login', { name: 'admin', password: 'x' })).code).toBe('invalid_input');

    // The body names someone else: the audit log and the alarm record the signed-in user.
    const [acked] = await ana.ok<{ acknowledgedBy: string }[]>('alarms.acknowledge', {
      ids: [alarm!.id],
      note: 'vendo',
      by: 'mallory',
    });
    expect(acked!.acknowledgedBy).toBe('ana');
    const [entry] = await engine.repo.audit.list(1);
    expect(entry).toMatchObject({ actor: 'ana', action: 'alarm.acknowledge' });
    expect((await engine.repo.alarms.list({ states: ['acknowledged'], limit: 10 }))[0]?.acknowledgedBy).toBe(
      'ana',
    );
  });

  it('ends sessions when a user is disabled or their password is reset, and keeps the last admin', async () => {
    const users = await admin.ok<{ id: number; name: string }[]>('users.list');
    const idOf = (name: string) => users.find((user) => user.name === name)!.id;

    await admin.ok('users.update', { id: idOf('bia'), disabled: true });
    expect(await bia.refused('devices.list')).toMatchObject({ code: 'unauthenticated' });
    await expect.poll(() => bia.closedWith).toBe(4401);
    expect((await login('bia', 'senha-da-bia-2026')).status).toBe(401);

    const second = await Session.open((await login('ana', 'senha-da-ana-2026')).cookie!);
    await admin.ok('users.resetPassword', { id: idOf('ana'), password: 'provisoria-ana-2' });
    expect((await ana.refused('devices.list')).code).toBe('unauthenticated');
    expect((await second.refused('devices.list')).code).toBe('unauthenticated');

    expect(await admin.refused('users.update', { id: idOf('admin'), disabled: true })).toMatchObject({
      code: 'conflict',
      message: 'Você não pode desativar o próprio usuário; peça a outro administrador.',
    });
    expect(await admin.refused('users.update', { id: idOf('admin'), role: 'operator' })).toMatchObject({
      code: 'conflict',
      message: 'Deve restar ao menos um administrador ativo.',
    });
    const audit = (await engine.repo.audit.list(20)).filter((entry) => entry.action.startsWith('user.'));
    expect(audit.map((entry) => `${entry.actor} ${entry.action} ${entry.target}`)).toEqual([
      'admin user.resetPassword user:ana',
      'admin user.update user:bia',
      'admin user.create user:bia',
      'admin user.create user:ana',
    ]);
    admin.close();
    second.close();
  });
});
