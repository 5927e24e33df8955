import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SmartApiOptions,
  type OpticalCardRecord,
  type OpticalMeasureRecord,
  type SmartApiTarget,
} from '../../shared/contract/optical-worker';
import { parseCard, parseMeasure, parseVendorAlarm } from '../../shared/domain/optical/records';
import { SmartApiCollector } from '../../electron/workers/optical/collect';
import { PadtecSimulator, type PadtecSimulatorOptions } from '../../electron/engine/demo/padtec/simulator';

const simulators: PadtecSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

async function simulate(options: PadtecSimulatorOptions = {}) {
  const sim = new PadtecSimulator(options);
  simulators.push(sim);
  const baseUrl = await sim.listen();
  const target: SmartApiTarget = {
    key: 'e1',
    baseUrl,
    pathPrefix: '/nms-api',
    username: 'admin',
    password: 'padtec',
    clientId: 'vigia-test',
    timeZone: options.timeZone ?? 'America/Sao_Paulo',
  };
  return { sim, target, collector: new SmartApiCollector() };
}

const options = (pageSize: number) => SmartApiOptions.parse({ pageSize, timeoutMs: 2_000, retries: 0 });

async function measures(collector: SmartApiCollector, target: SmartApiTarget, pageSize = 10) {
  return collector.collect<OpticalMeasureRecord>('measures', target, options(pageSize), parseMeasure);
}

describe('optical collector against the Smart API simulator over HTTP', () => {
  it('reads every page until a short one, with the count for progress', async () => {
    const { sim, target, collector } = await simulate({ sites: 4, cardsPerSite: 3, measuresPerCard: 6 });
    const result = await measures(collector, target, 10);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toHaveLength(72);
    expect(result.stats).toMatchObject({ pages: 8, total: 72, rejected: 0, relogins: 0 });
    expect(new Set(result.items.map((item) => item.uid)).size).toBe(72);
    expect(sim.hits.get('measures/state')).toBe(8);
    expect(sim.logins).toBe(1);
  });

  it('reads one more (empty) page when the total is an exact multiple of the page size', async () => {
    const { sim, target, collector } = await simulate({ sites: 4, cardsPerSite: 3, measuresPerCard: 6 });
    const result = await measures(collector, target, 8);
    expect(result.ok && result.items.length).toBe(72);
    expect(result.ok && result.stats.pages).toBe(10);
    expect(sim.hits.get('measures/state')).toBe(10);
  });

  it('parses string values into numbers, normalises the family, and reads the older build`s `update`', async () => {
    const { sim, target, collector } = await simulate({ legacyBuild: true, sites: 1, cardsPerSite: 3 });
    const cards = await collector.collect<OpticalCardRecord>('inventory', target, options(100), parseCard);
    expect(cards.ok && cards.items.map((card) => card.family)).toEqual([
      'amplifier',
      'transponder',
      'roadm_wss',
    ]);
    expect(sim.cards.map((card) => card.familySpelling)).toEqual(['AMPLIFIER', 'transponder', 'roadm_wss']);
    const result = await measures(collector, target, 100);
    if (!result.ok) throw new Error(result.failure.detail);
    const pump = result.items.find((item) => item.key === 7260)!;
    expect(typeof pump.value).toBe('number');
    expect(pump.value).toBeGreaterThan(26);
    expect(pump.at).not.toBeNull();
  });

  it('logs in once more when the token stops working, and sends it exactly as the login returned it', async () => {
    const { sim, target, collector } = await simulate();
    expect((await measures(collector, target)).ok).toBe(true);
    sim.expireTokens();
    const result = await measures(collector, target);
    expect(result.ok && result.stats.relogins).toBe(1);
    expect(sim.logins).toBe(2);
  });

  it('reports wrong credentials as auth_failed', async () => {
    const { target, collector } = await simulate();
    const result = await measures(collector, { ...target, password: 'wrong' });
    expect(result.ok ? null : result.failure.code).toBe('auth_failed');
  });

  it.each([
    ['html', 'not_json'],
    ['not-array', 'malformed'],
    ['truncated', 'not_json'],
    ['huge', 'page_too_large'],
    ['server-error', 'http_status'],
  ] as const)(
    'a %s page fails the round with %s, and the next round reads everything',
    async (fault, code) => {
      const { sim, target, collector } = await simulate();
      sim.failPage('measures', fault, 2);
      const failed = await collector.collect(
        'measures',
        target,
        { ...options(10), maxPageBytes: 1_000_000 },
        parseMeasure,
      );
      expect(failed.ok ? null : failed.failure.code).toBe(code);
      const again = await measures(collector, target);
      expect(again.ok && again.items.length).toBe(72);
    },
  );

  it('drops records with fields of the wrong type or a value that is not a number, and counts them', async () => {
    const { sim, target, collector } = await simulate();
    sim.failPage('measures', 'wrong-types', 0);
    const wrong = await measures(collector, target, 100);
    expect(wrong.ok && wrong.stats).toMatchObject({
      rejected: 1,
      rejectSample: 'page 0: locationSite: wrong type',
    });
    const uid = sim.measureUid(sim.cards[0]!, 0);
    sim.setValue(uid, 'N/A');
    const result = await measures(collector, target, 100);
    if (!result.ok) throw new Error(result.failure.detail);
    expect(result.items).toHaveLength(71);
    expect(result.items.some((item) => item.uid === uid)).toBe(false);
    expect(result.stats.rejected).toBe(1);
    expect(result.stats.rejectSample).toContain(`measureValue: not a number (${uid})`);
  });

  it('reads the NMS`s local timestamps in the endpoint`s zone, not the machine`s', async () => {
    const now = Date.UTC(2026, 2, 10, 12, 0, 7);
    const { target, collector } = await simulate({ timeZone: 'Asia/Tokyo', clock: () => now });
    const result = await measures(collector, target, 100);
    expect(result.ok && result.items[0]!.at).toBe(Date.UTC(2026, 2, 10, 12, 0, 0));
    const misread = await measures(collector, { ...target, key: 'e2', timeZone: 'America/Sao_Paulo' }, 100);
    // Read in the wrong zone, the same text lands 12 hours later.
    expect(misread.ok && misread.items[0]!.at).toBe(Date.UTC(2026, 2, 11, 0, 0, 0));
  });

  it('mirrors vendor alarms with their severities, and sees them cleared', async () => {
    const { sim, target, collector } = await simulate();
    const oid = sim.raiseAlarm(sim.cards[1]!.uid, 'LOS', 'LOS', 'CRITICAL');
    const raised = await collector.collect('alarm', target, options(100), parseVendorAlarm);
    expect(raised.ok && raised.items).toMatchObject([
      { oid, severity: 'CRITICAL', isActive: true, group: 'LOS' },
    ]);
    expect(raised.ok && raised.stats.total).toBe(1);
    sim.clearAlarm(oid);
    const cleared = await collector.collect('alarm', target, options(100), parseVendorAlarm);
    expect(cleared.ok && cleared.items).toMatchObject([{ oid, severity: 'CLEARED', isActive: false }]);
  });

  it('reports an endpoint nobody listens on as unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const collector = new SmartApiCollector();
    const target: SmartApiTarget = {
      key: 'gone',
      baseUrl: `http://127.0.0.1:${port}`,
      pathPrefix: '/nms-api',
      username: 'admin',
      password: 'padtec',
      clientId: 'vigia',
      timeZone: 'UTC',
    };
    const result = await measures(collector, target);
    expect(result.ok ? null : result.failure.code).toBe('unreachable');
  });
});
