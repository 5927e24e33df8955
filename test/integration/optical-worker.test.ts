import { afterAll, describe, expect, it } from 'vitest';
import type { CollectProgress } from '../../shared/contract/optical-worker';
import { opticalWorkerApi, SmartApiOptions } from '../../shared/contract/optical-worker';
import { workerOpticalTransport } from '../../electron/engine/collectors/optical-port';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { PadtecSimulator } from '../../electron/engine/demo/padtec/simulator';

const sim = new PadtecSimulator({ sites: 4, cardsPerSite: 3, measuresPerCard: 6 });
const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
afterAll(async () => {
  await supervisor.stopAll();
  await sim.close();
});

describe('optical collector process', () => {
  it('reads an endpoint in its own process, reporting progress page by page, and a refused login as such', async () => {
    const baseUrl = await sim.listen();
    const transport = workerOpticalTransport(
      supervisor.supervise({ name: 'optical', entry: resolveWorkerEntry('optical'), api: opticalWorkerApi }),
    );
    const progress: CollectProgress[] = [];
    transport.onProgress((step) => progress.push(step));
    const target = {
      key: '7',
      baseUrl,
      pathPrefix: '/nms-api',
      username: 'admin',
      password: 'padtec',
      clientId: 'vigia-test',
      timeZone: 'America/Sao_Paulo',
    };
    const options = SmartApiOptions.parse({ pageSize: 25 });
    const result = await transport.measures(target, options);
    expect(result.ok && result.items.length).toBe(72);
    expect(result.ok && result.stats.rssMb).toBeGreaterThan(0);
    expect(progress.map((step) => step.read)).toEqual([25, 50, 72]);
    expect(progress.every((step) => step.key === '7' && step.total === 72)).toBe(true);
    const refused = await transport.inventory({ ...target, key: '8', password: 'wrong' }, options);
    expect(refused.ok ? null : refused.failure.code).toBe('auth_failed');
  });
});
