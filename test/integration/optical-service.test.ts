import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { OpticalConfigInput } from '../../shared/contract/optical';
import { OpticalConfigInput as ConfigInput } from '../../shared/contract/optical';
import { defaultCadences, defaultRules } from '../../shared/domain/optical/defaults';
import { PadtecSimulator } from '../../electron/engine/demo/padtec/simulator';
import { MemoryAlarmPort } from '../helpers/memory-alarm-port';
import { OpticalService } from '../../electron/engine/optical/optical-service';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { endpointInput, inProcessOpticalTransport } from '../helpers/optical-transport';

const dir = mkdtempSync(join(tmpdir(), 'vigia-optical-'));
const cipher = createFileKeyCipher(dir);
let repo: Repository;
let dbCount = 0;
let now = Date.UTC(2026, 10, 29, 12, 0, 0);
const clock = () => now;
const running: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((item) => item.stop()));
  await repo?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function setup(
  endpoints: (baseUrl: string) => OpticalConfigInput['endpoints'] = (url) => [endpointInput(url)],
) {
  repo = await openStore({ dialect: 'sqlite', file: join(dir, `vigia-${++dbCount}.db`) });
  const sim = new PadtecSimulator({ sites: 2, cardsPerSite: 3, measuresPerCard: 6, clock });
  const baseUrl = await sim.listen();
  running.push({ stop: () => sim.close() });
  const alarms = new MemoryAlarmPort();
  const service = await OpticalService.start({
    repo,
    cipher,
    transport: inProcessOpticalTransport(),
    alarms,
    clock,
    schedule: false,
    log: () => undefined,
    fetch: { pageSize: 7, timeoutMs: 2_000, retries: 0 },
  });
  running.push(service);
  await service.configure(
    ConfigInput.parse({ endpoints: endpoints(baseUrl), cadences: defaultCadences, rules: defaultRules }),
    'tester',
  );
  return { sim, service, alarms, baseUrl, endpointId: service.settings().endpoints[0]!.id };
}

const optical = (alarms: MemoryAlarmPort) =>
  alarms
    .ofSource('optical')
    .map((alarm) => `${alarm.type}:${alarm.subject.ref}`)
    .sort();

describe('optical service against the simulator, with a real SQLite store', () => {
  it('records new, changed and removed cards', async () => {
    const { sim, service, endpointId } = await setup();
    expect(await service.collect(endpointId, 'inventory')).toBe(true);
    const first = await service.cardEvents(100);
    expect(first.map((event) => event.change)).toEqual(Array(6).fill('new'));
    sim.cards[0]!.firmware = '9.9.9';
    const removed = sim.cards[5]!.uid;
    sim.removeCard(removed);
    now += 3_600_000;
    await service.collect(endpointId, 'inventory');
    const events = (await service.cardEvents(2)).map(({ change, cardUid, fields }) => ({
      change,
      cardUid,
      fields,
    }));
    expect(events).toEqual(
      expect.arrayContaining([
        { change: 'changed', cardUid: sim.cards[0]!.uid, fields: { firmware: ['3.1.1', '9.9.9'] } },
        { change: 'removed', cardUid: removed, fields: {} },
      ]),
    );
    expect(service.health()[0]).toMatchObject({ state: 'ok', cards: 5, lastError: null });
  });

  it('raises a threshold alarm once, holds it at the threshold (hysteresis), and clears it back below', async () => {
    const { sim, service, alarms, endpointId } = await setup();
    await service.collect(endpointId, 'inventory');
    const amplifier = sim.cards.find((card) => card.model.model === 'LOA-BA17')!;
    const uid = `${amplifier.uid}-7256-0`;
    const tower = await repo.towers.create({
      name: 'POP Centro',
      code: 'POP',
      latitude: -7.2,
      longitude: -35.9,
    });
    await service.mapSite(endpointId, amplifier.site, tower.id, 'tester');
    const ref = `optical:${endpointId}:measure:${uid}:edfa-out-high`;
    const seen: string[] = [];
    for (const value of ['24.2', '23.9', '24.1', '23.6', '23.4']) {
      sim.setValue(uid, value);
      now += 60_000;
      await service.collect(endpointId, 'critical');
      seen.push(alarms.ofSource('optical').some((alarm) => alarm.subject.ref === ref) ? 'open' : 'clear');
    }
    expect(seen).toEqual(['open', 'open', 'open', 'open', 'clear']);
    sim.setValue(uid, '25');
    now += 60_000;
    await service.collect(endpointId, 'critical');
    const alarm = alarms.ofSource('optical').find((candidate) => candidate.subject.ref === ref)!;
    expect(alarm).toMatchObject({
      type: 'threshold_high',
      severity: 'major',
      subject: { towerId: tower.id },
    });
    const card = (await service.cards(endpointId, amplifier.site)).find((c) => c.cardUid === amplifier.uid)!;
    expect(card.measures.find((measure) => measure.uid === uid)).toMatchObject({
      value: 25,
      unit: 'dBm',
      alarms: ['threshold_high'],
    });
    expect((await service.sites()).find((site) => site.site === amplifier.site)?.towerId).toBe(tower.id);
  });

  it('keeps earlier data when a page is malformed, says why on the endpoint, and the retried round succeeds', async () => {
    const { sim, service, endpointId } = await setup();
    await service.collect(endpointId, 'inventory');
    await service.collect(endpointId, 'all');
    const site = sim.cards[0]!.site;
    const before = await service.cards(endpointId, site);
    sim.failPage('measures', 'html', 1);
    now += 60_000;
    expect(await service.collect(endpointId, 'all')).toBe(false);
    expect(service.health()[0]).toMatchObject({
      state: 'failing',
      consecutiveFailures: 1,
      lastError: { code: 'not_json', collection: 'measures' },
    });
    expect(await service.cards(endpointId, site)).toEqual(before);
    now += 15_000;
    expect(await service.collect(endpointId, 'all')).toBe(true);
    expect(service.health()[0]).toMatchObject({ state: 'ok', consecutiveFailures: 0, lastError: null });
  });

  it('raises stale data for a card the NMS stopped refreshing, and card down for a card that is down', async () => {
    const { sim, service, alarms, endpointId } = await setup();
    const [frozen, down] = [sim.cards[1]!, sim.cards[2]!];
    sim.freezeCard(frozen.uid, true);
    sim.setCardUp(down.uid, false);
    await service.collect(endpointId, 'critical');
    expect(optical(alarms)).toEqual([`card_down:optical:${endpointId}:card:${down.uid}:down`]);
    now += 5 * 60_000 + 1_000;
    await service.collect(endpointId, 'critical');
    expect(optical(alarms)).toEqual([
      `card_down:optical:${endpointId}:card:${down.uid}:down`,
      `stale:optical:${endpointId}:card:${frozen.uid}:stale`,
    ]);
    sim.freezeCard(frozen.uid, false);
    sim.setCardUp(down.uid, true);
    now += 60_000;
    await service.collect(endpointId, 'critical');
    expect(optical(alarms)).toEqual([]);
  });

  it('raises a rate-of-change alarm on a fall of more than 3 dB within the hour', async () => {
    const { sim, service, alarms, endpointId } = await setup();
    const transponder = sim.cards.find((card) => card.model.model === 'TM1200G')!;
    const uid = `${transponder.uid}-7272-0`;
    for (const value of ['-4', '-5', '-6', '-7.2']) {
      sim.setValue(uid, value);
      now += 10 * 60_000;
      await service.collect(endpointId, 'critical');
    }
    expect(optical(alarms)).toEqual([`rate:optical:${endpointId}:measure:${uid}:rate`]);
  });

  it('mirrors vendor alarms and clears them when the vendor does', async () => {
    const { sim, service, alarms, endpointId } = await setup();
    const oid = sim.raiseAlarm(sim.cards[0]!.uid, 'LOS', 'LOS', 'MAJOR');
    await service.collect(endpointId, 'alarms');
    expect(
      alarms.ofSource('optical').map((alarm) => [alarm.type, alarm.severity, alarm.params.name]),
    ).toEqual([['vendor', 'major', 'LOS']]);
    expect(service.vendorAlarms()).toMatchObject([{ oid, severity: 'MAJOR', site: sim.cards[0]!.site }]);
    sim.clearAlarm(oid);
    await service.collect(endpointId, 'alarms');
    expect(alarms.ofSource('optical')).toEqual([]);
  });

  it('stores raw samples and rolls them up into hours and days', async () => {
    const { sim, service, endpointId } = await setup();
    const uid = `${sim.cards[0]!.uid}-7260-0`;
    for (const value of ['26', '27', '25']) {
      sim.setValue(uid, value);
      now += 60_000;
      await service.collect(endpointId, 'critical');
    }
    await service.rollUp();
    const raw = await service.history(endpointId, uid, 'raw', '1h');
    expect(raw.points.map((point) => point.avg)).toEqual([26, 27, 25]);
    const hour = await service.history(endpointId, uid, 'hour', '24h');
    expect(hour.points.map(({ min, avg, max }) => ({ min, avg, max }))).toEqual([
      { min: 25, avg: 26, max: 27 },
    ]);
    const day = await service.history(endpointId, uid, 'day', '30d');
    expect(day.points.map(({ min, avg, max }) => ({ min, avg, max }))).toEqual([
      { min: 25, avg: 26, max: 27 },
    ]);
    expect(hour.unit).toBe('mW');
  });

  it('keeps collecting one endpoint while another has a wrong password, and binds each password to its address', async () => {
    const { service, baseUrl } = await setup((url) => [
      endpointInput(url),
      endpointInput(url, { name: 'Backbone Norte', password: 'wrong' }),
    ]);
    const [good, bad] = service.settings().endpoints;
    expect(await service.collect(good!.id, 'critical')).toBe(true);
    expect(await service.collect(bad!.id, 'critical')).toBe(false);
    expect(service.health().map((health) => [health.state, health.lastError?.code ?? null])).toEqual([
      ['ok', null],
      ['failing', 'auth_failed'],
    ]);
    expect(JSON.stringify(service.settings())).not.toContain('padtec');
    const moved = ConfigInput.parse({
      endpoints: [{ ...endpointInput(`${baseUrl}/other`), id: good!.id, password: null }],
      cadences: defaultCadences,
      rules: defaultRules,
    });
    await expect(service.configure(moved, 'tester')).rejects.toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'endpoints.0.password' }] },
    });
    const kept = ConfigInput.parse({
      endpoints: [{ ...endpointInput(baseUrl), id: good!.id, password: null, name: 'Renamed' }],
      cadences: defaultCadences,
      rules: defaultRules,
    });
    await service.configure(kept, 'tester');
    expect(await service.collect(good!.id, 'critical')).toBe(true);
  });
});
