import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/contract/api';
import type { VigiaEvent } from '../../../shared/contract/events';
import { ApiFailure } from '../../../shared/contract/api-failure';
import { forkSpawner } from '../../../electron/engine/collectors/spawner';
import { startEngine, type RunningEngine } from '../../../electron/engine/start-engine';
import { startDnsServer, type LocalDnsServer } from '../../helpers/dns-server';
import { startHttpPeer, type LocalPeer } from '../../helpers/http-peers';
import { renderAlarm } from '../../../shared/domain/alarms/render';

// The whole engine with its real synthetic worker process; every peer is on loopback.
let dir: string;
let engine: RunningEngine;
let web: LocalPeer;
let dns: LocalDnsServer;
let healthy = true;
const events: VigiaEvent[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-synthetic-${process.pid}-`));
  web = await startHttpPeer((_req, res) =>
    healthy ? res.end('Entrar no portal') : res.writeHead(502).end(),
  );
  dns = await startDnsServer({ records: { 'portal.isp.test': ['10.0.0.80'] } });
  engine = await startEngine({
    dataDir: dir,
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '9.9.9-test',
    log: () => undefined,
    // This computer's user: the caller of every call on a store without accounts.
    defaultOperator: 'Ana',
  });
  engine.subscribe((event) => events.push(event));
});

afterAll(async () => {
  await engine?.stop();
  await web?.close();
  await dns?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(method: 'synthetic.checks.create', input: unknown): Promise<ApiError> {
  const error = await engine.call(method, input).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).error;
}

describe('synthetic checks through the engine', () => {
  let checkId: number;

  it('creates an HTTP check with the defaults and audits who did it', async () => {
    const check = await engine.call('synthetic.checks.create', {
      check: { name: 'Portal', spec: { kind: 'http', url: `${web.url}/`, expectText: 'Entrar' } },
    });
    checkId = check.id;
    expect(check).toMatchObject({
      name: 'Portal',
      intervalS: 300,
      timeoutMs: 5_000,
      enabled: true,
      severity: 'major',
      spec: { kind: 'http', expectStatus: 200, expectText: 'Entrar', ignoreTlsErrors: false },
    });
    const [entry] = await engine.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({ actor: 'Ana', action: 'synthetic.create', target: `synthetic:${checkId}` });
  });

  it('runs it in the worker and stores the result with its timings', async () => {
    const result = await engine.call('synthetic.checks.runNow', { id: checkId });
    expect(result).toMatchObject({ checkId, ok: true, status: 200, error: null, tlsMs: null });
    expect(result.connectMs).not.toBeNull();
    const history = await engine.call('synthetic.results', { checkId, range: '1h' });
    expect(history.at(-1)).toEqual(result);
  });

  it('raises one alarm after two failures in a row and clears it on the first success', async () => {
    healthy = false;
    await engine.call('synthetic.checks.runNow', { id: checkId });
    const alarmsOf = async () =>
      (await engine.call('alarms.list', { states: ['active'] })).filter(
        (alarm) => alarm.source === 'synthetic',
      );
    expect(await alarmsOf()).toEqual([]);
    await engine.call('synthetic.checks.runNow', { id: checkId });
    const [alarm] = await alarmsOf();
    expect(alarm).toMatchObject({ severity: 'major', deviceId: null, towerId: null });
    expect(alarm).toMatchObject({ ref: 'synthetic:check:' + checkId, type: 'check_failed' });
    expect(renderAlarm('pt-BR', alarm!)).toBe(
      `Verificação "Portal" falhou 2 vezes seguidas (${web.url}/): status HTTP inesperado (502)`,
    );
    const [listed] = (await engine.call('synthetic.checks.list', undefined)).filter((c) => c.id === checkId);
    expect(listed).toMatchObject({
      failStreak: 2,
      last: { ok: false, error: 'unexpected_status', status: 502 },
    });

    healthy = true;
    await engine.call('synthetic.checks.runNow', { id: checkId });
    expect(await alarmsOf()).toEqual([]);
    expect(
      events.filter((event) => event.type === 'alarm.raised' && event.alarm.source === 'synthetic'),
    ).toHaveLength(1);
    expect(
      events.filter((event) => event.type === 'alarm.cleared' && event.alarm.source === 'synthetic'),
    ).toHaveLength(1);
  });

  it('checks a name against a local resolver, and reports a name that does not exist', async () => {
    const good = await engine.call('synthetic.checks.create', {
      check: {
        name: 'DNS portal',
        spec: { kind: 'dns', query: 'portal.isp.test', resolvers: [dns.address] },
      },
    });
    expect(await engine.call('synthetic.checks.runNow', { id: good.id })).toMatchObject({
      ok: true,
      detail: '10.0.0.80',
    });
    const bad = await engine.call('synthetic.checks.update', {
      id: good.id,
      check: { name: 'DNS portal', spec: { kind: 'dns', query: 'sumiu.isp.test', resolvers: [dns.address] } },
    });
    expect(bad.failStreak).toBe(0);
    expect(await engine.call('synthetic.checks.runNow', { id: good.id })).toMatchObject({
      ok: false,
      error: 'not_found',
      detail: `${dns.address} ENOTFOUND`,
    });
    await engine.call('synthetic.checks.delete', { id: good.id });
    expect((await engine.call('synthetic.checks.list', undefined)).map((check) => check.id)).toEqual([
      checkId,
    ]);
  });

  it('refuses bad definitions with the reason, and stores nothing', async () => {
    const before = await engine.call('synthetic.checks.list', undefined);
    expect(
      (
        await failure('synthetic.checks.create', {
          check: { name: 'x', spec: { kind: 'http', url: 'ftp://a' } },
        })
      ).issues,
    ).toEqual([{ path: 'check.spec.url', message: 'synthetic.invalidUrl' }]);
    expect(
      (
        await failure('synthetic.checks.create', {
          check: { name: 'x', spec: { kind: 'http', url: 'http://admin:segredo@10.0.0.1/' } },
        })
      ).issues,
    ).toEqual([{ path: 'check.spec', message: 'synthetic.urlWithCredentials' }]);
    expect(
      (
        await failure('synthetic.checks.create', {
          check: { name: 'x', spec: { kind: 'dns', query: 'a.test', resolvers: ['dns.google'] } },
        })
      ).issues,
    ).toEqual([{ path: 'check.spec.resolvers.0', message: 'synthetic.invalidResolver' }]);
    expect(await engine.call('synthetic.checks.list', undefined)).toEqual(before);
  });

  it('says the uplink is down when every uplink-marked check failed, and up again after one passes', async () => {
    const heard: { down: boolean; failing: string[] }[] = [];
    const stop = engine.uplink.onChange(({ down, failing }) => heard.push({ down, failing }));
    const uplink = (name: string, url: string) =>
      engine.call('synthetic.checks.create', {
        check: { name, spec: { kind: 'http', url }, uplink: true },
      });
    const first = await uplink('Uplink A', `${web.url}/`);
    const second = await uplink('Uplink B', `${web.url}/b`);
    expect(first.uplink).toBe(true);
    healthy = false;
    await engine.call('synthetic.checks.runNow', { id: first.id });
    expect(engine.uplink.current()).toMatchObject({ down: false, failing: ['Uplink A'] });
    await engine.call('synthetic.checks.runNow', { id: second.id });
    expect(engine.uplink.current()).toMatchObject({ down: true, failing: ['Uplink A', 'Uplink B'] });
    expect(Date.parse(engine.uplink.current().since)).toBeGreaterThan(Date.now() - 60_000);
    healthy = true;
    await engine.call('synthetic.checks.runNow', { id: second.id });
    expect(engine.uplink.current()).toMatchObject({ down: false, failing: ['Uplink A'] });
    stop();
    expect(heard.map((state) => state.down)).toEqual([false, true, false]);
    for (const check of [first, second]) await engine.call('synthetic.checks.delete', { id: check.id });
  });
});
