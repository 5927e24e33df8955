import { describe, expect, it, vi } from 'vitest';
import { children } from '../../../helpers/fake-electron';

// Electron's utilityProcess and safeStorage, faked at the module boundary: the child records what
// the main process sends and lets the test play the engine's side of the port.
vi.mock('electron', () => import('../../../helpers/fake-electron'));

const { startEngineProcess } = await import('../../../../electron/main/engine-process');

describe('the desktop app’s engine process', () => {
  it('runs the engine in a utility process and seals its secrets with the OS keychain', async () => {
    const starting = startEngineProcess({
      dataDir: '/users/noc/Vigia',
      demo: false,
      version: '1.2.3',
      defaultOperator: 'noc',
    });
    const child = children.at(-1)!;
    expect(child.entry).toMatch(/electron[/\\]workers[/\\]engine[/\\]index\.ts$/);
    expect(child.options.serviceName).toBe('Vigia engine');
    expect(child.sent[0]).toEqual({
      kind: 'start',
      options: {
        dataDir: '/users/noc/Vigia',
        defaultOperator: 'noc',
        demo: false,
        runtime: 'electron',
        version: '1.2.3',
        hostCipher: true,
      },
    });
    child.emit('message', { kind: 'ready' });
    const engine = await starting;
    expect(engine.pid).toBe(4242);

    const sealed = `os1:${Buffer.from('dpapi(public)').toString('base64')}`;
    child.emit('message', { kind: 'cipher', id: 1, op: 'encrypt', text: 'public' });
    child.emit('message', { kind: 'cipher', id: 2, op: 'decrypt', text: sealed });
    await vi.waitFor(
      () =>
        expect(child.sent.filter((m) => (m as { kind: string }).kind === 'cipher-reply')).toEqual([
          { kind: 'cipher-reply', id: 1, text: sealed, error: null },
          { kind: 'cipher-reply', id: 2, text: 'public', error: null },
        ]),
      { timeout: 15_000 },
    );
  });

  it('relays the engine’s events to the main process (tray, notifications)', async () => {
    const starting = startEngineProcess({ dataDir: '/d', demo: true, version: '1', defaultOperator: 'noc' });
    const child = children.at(-1)!;
    child.emit('message', { kind: 'ready' });
    const engine = await starting;
    const seen: unknown[] = [];
    engine.subscribe((event) => seen.push(event));
    const alert = {
      type: 'notify.desktop',
      title: 'Torre Norte caiu',
      body: '12 equipamentos',
      deviceId: null,
    };
    child.emit('message', { kind: 'events', events: [alert] });
    await vi.waitFor(() => expect(seen).toEqual([alert]), { timeout: 15_000 });
  });
});
