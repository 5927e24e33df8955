import { describe, expect, it, vi } from 'vitest';
import { children } from '../../../helpers/fake-electron';

// utilityProcess.fork is Electron's; here it is faked at the module boundary by a child that
// records what it is sent and lets the test play the worker's side.
vi.mock('electron', () => import('../../../helpers/fake-electron'));

const { utilitySpawner } = await import('../../../../electron/main/utility-spawner');

describe('the utility-process spawner', () => {
  it('forks the entry as a named service and carries messages both ways', () => {
    const worker = utilitySpawner.spawn('/app/out/main/workers/pinger.js', 'pinger');
    const child = children.at(-1)!;
    expect(child.entry).toBe('/app/out/main/workers/pinger.js');
    expect(child.options.serviceName).toBe('Vigia pinger');
    expect(child.options.env.VIGIA_WORKER).toBe('pinger');
    expect(worker.pid).toBe(4242);

    const received: unknown[] = [];
    worker.onMessage((message) => received.push(message));
    worker.postMessage({ id: 1, method: 'mode' });
    child.emit('message', { id: 1, ok: true });
    expect(child.sent).toEqual([{ id: 1, method: 'mode' }]);
    expect(received).toEqual([{ id: 1, ok: true }]);
  });

  it('reports the exit, survives a fatal worker error, and stops sending to a dead child', () => {
    const worker = utilitySpawner.spawn('/app/out/main/workers/snmp.js', 'snmp');
    const child = children.at(-1)!;
    const exits: (number | null)[] = [];
    worker.onExit((code) => exits.push(code));
    expect(() => child.emit('error', 'FatalError', 'v8')).not.toThrow();
    child.pid = undefined;
    child.emit('exit', 9);
    expect(exits).toEqual([9]);
    expect(worker.pid).toBeNull();
    worker.postMessage({ id: 2 });
    expect(child.sent).toEqual([]);
    worker.kill();
    expect(child.killed).toBe(true);
  });
});
