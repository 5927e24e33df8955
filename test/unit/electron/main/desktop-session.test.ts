import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_AUTH, IPC_INVOKE } from '../../../../shared/contract/ipc';
import { startEngine, type RunningEngine } from '../../../../electron/engine/start-engine';
import { forkSpawner } from '../../../../electron/engine/collectors/spawner';
import { rendererBaseUrl } from '../../../../electron/main/app-url';
import { DesktopSession } from '../../../../electron/main/desktop-session';
import { desktopStore } from '../../../../electron/main/desktop-store';
import {
  isTrustedSender,
  registerDesktopAuth,
  registerIpc,
  type IpcAnswer,
} from '../../../../electron/main/ipc';

// The desktop app on a shared store: the window signs in through the main process, which keeps
// the session and attaches it to every call. A real engine with accounts on a real SQLite (the
// sign-in logic is the same on PostgreSQL); only ipcMain and the WebContents are stand-ins.
const ourPage = `${rendererBaseUrl(undefined)}index.html`;
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** One desktop window: its own WebContents, main-process session and IPC handlers. */
class Window {
  reloads = 0;
  readonly contents = { id: Math.random(), reload: () => this.reloads++ } as unknown as WebContents;
  readonly session: DesktopSession;
  private readonly handlers = new Map<string, Listener>();

  constructor(engine: RunningEngine) {
    this.session = new DesktopSession(engine, true);
    const ipc = { handle: (channel: string, listener: Listener) => this.handlers.set(channel, listener) };
    const trusted = (event: IpcMainInvokeEvent) =>
      isTrustedSender(event, this.contents, rendererBaseUrl(undefined));
    registerIpc(ipc, engine, trusted, {}, this.session);
    registerDesktopAuth(ipc, this.session, trusted);
  }

  private send(channel: string, args: unknown[], url = ourPage): Promise<IpcAnswer> {
    const event = { sender: this.contents, senderFrame: { url } } as unknown as IpcMainInvokeEvent;
    return this.handlers.get(channel)!(event, ...args) as Promise<IpcAnswer>;
  }

  auth(request: unknown, url?: string) {
    return this.send(IPC_AUTH, [request], url);
  }

  call(method: string, input?: unknown) {
    return this.send(IPC_INVOKE, [method, input]);
  }

  async ok<T>(method: string, input?: unknown): Promise<T> {
    const answer = await this.call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.result as T;
  }
}

let dir: string;
let engine: RunningEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-desktop-session-${process.pid}-`));
  engine = await startEngine({
    dataDir: dir,
    demo: false,
    runtime: 'electron',
    spawner: forkSpawner,
    version: '0.0.0-test',
    access: 'accounts',
    log: () => undefined,
  });
});

afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('where the desktop app keeps its data', () => {
  it('keeps local access on its own SQLite, and asks for sign-in on a shared PostgreSQL', () => {
    expect(desktopStore(['vigia.exe'], {})).toEqual({ access: 'local' });
    expect(desktopStore(['vigia.exe', '--pg-url=postgres://noc@127.0.0.1/vigia'], {})).toEqual({
      store: { dialect: 'postgres', url: 'postgres://noc@127.0.0.1/vigia' },
      access: 'accounts',
    });
    expect(desktopStore(['vigia.exe'], { VIGIA_PG_URL: 'postgres://127.0.0.1:5433/noc' })).toEqual({
      store: { dialect: 'postgres', url: 'postgres://127.0.0.1:5433/noc' },
      access: 'accounts',
    });
  });

  it('signs nobody in on a workstation of its own: calls carry no session', async () => {
    const local = new DesktopSession(engine, false);
    expect(await local.state()).toEqual({ required: false, authenticated: true, mustChangePassword: false });
    expect(local.auth()).toBeUndefined();
  });
});

describe('signing in to the desktop app on a shared store', () => {
  it(
    'signs in through the main process, which keeps the session and attaches it to every call',
    { timeout: 120_000 },
    async () => {
      const admin = new Window(engine);
      expect(await admin.auth({ action: 'state' })).toEqual({
        ok: true,
        result: { required: true, authenticated: false, mustChangePassword: false },
      });
      // No session yet: the engine refuses, and the page is sent back to the sign-in.
      expect(await admin.call('devices.list')).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      expect(await admin.auth({ action: 'login', name: 'admin', password: 'not-it' })).toEqual({
        ok: true,
        result: { ok: false, reason: 'invalid' },
      });

      const login = await admin.auth({
        action: 'login',
        name: ' Admin ',
        password: engine.firstAdminPassword!,
      });
      expect(login).toEqual({ ok: true, result: { ok: true } });
      // The session id never reaches the page: not in the login's answer, not in the state.
      const state = await admin.auth({ action: 'state' });
      expect(state).toEqual({
        ok: true,
        result: { required: true, authenticated: true, mustChangePassword: true },
      });
      const session = admin.session.auth();
      expect(session).toMatchObject({ kind: 'session' });
      expect(JSON.stringify([login, state])).not.toContain((session as { session: string }).session);

      expect(await admin.call('devices.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await admin.ok('account.changePassword', {
        current: engine.firstAdminPassword!,
        next: 'senha-do-admin-2026',
      });
      expect(await admin.ok('account.me')).toEqual({
        name: 'admin',
        role: 'admin',
        mustChangePassword: false,
        local: false,
      });
      expect(await admin.ok('devices.list')).toEqual([]);

      // An operator on another workstation: reads, is refused the users, and is signed out when disabled.
      const ana = await admin.ok<{ id: number }>('users.create', {
        name: 'ana',
        role: 'operator',
        password: 'provisoria-ana-1',
      });
      const other = new Window(engine);
      await other.auth({ action: 'login', name: 'ana', password: 'provisoria-ana-1' });
      await other.ok('account.changePassword', { current: 'provisoria-ana-1', next: 'senha-da-ana-2026' });
      expect(await other.call('users.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await other.call('settings.monitor.set', { value: { intervalS: 30 } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await admin.ok('users.update', { id: ana.id, disabled: true });
      expect(other.reloads).toBe(0);
      expect(await other.call('devices.list')).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      expect(other.reloads).toBe(1);
      expect(other.session.auth()).toBeUndefined();
      expect((await engine.repo.audit.list(1))[0]).toMatchObject({ actor: 'admin', action: 'user.update' });

      await admin.auth({ action: 'logout' });
      expect(admin.session.auth()).toBeUndefined();
      expect(await admin.call('devices.list')).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      // The engine forgot that session too: it cannot be replayed.
      await expect(engine.call('devices.list', undefined, session)).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });
    },
  );

  it(
    'refuses a user name after 5 wrong passwords, from any window, and says how long to wait',
    { timeout: 120_000 },
    async () => {
      const [first, second] = [new Window(engine), new Window(engine)];
      for (const window of [first, first, first, second, second])
        expect(await window.auth({ action: 'login', name: 'carla', password: 'chute' })).toEqual({
          ok: true,
          result: { ok: false, reason: 'invalid' },
        });
      const refused = await first.auth({ action: 'login', name: 'carla', password: 'outro-chute' });
      expect(refused).toMatchObject({ ok: true, result: { ok: false, reason: 'rate_limited' } });
      // The whole window (15 min) from the fifth failure, give or take this test's own seconds.
      const { retryAfterS } = (refused as { result: { retryAfterS: number } }).result;
      expect(retryAfterS).toBeGreaterThan(800);
      expect(retryAfterS).toBeLessThanOrEqual(900);
    },
  );

  it('refuses a sign-in request from another page, and one that does not fit the channel', async () => {
    const window = new Window(engine);
    expect(
      await window.auth({ action: 'login', name: 'admin', password: 'x' }, 'https://evil.example/'),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await window.auth({ action: 'login', name: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await window.auth({ action: 'session' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    // And a page may still not name the host-only method on the call channel.
    expect(await window.call('auth.login', { name: 'admin', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
