import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import {
  startObservabilityServer,
  type ObservabilityServer,
} from '../../electron/server/observability-server';
import { startHttpPeer, type LocalPeer } from '../helpers/http-peers';

// The real engine (SQLite, collector processes) behind /health and /metrics; all on loopback.
const TOKEN = 'observability-token-0123456789';
let dir: string;
let engine: RunningEngine;
let open: ObservabilityServer;
let guarded: ObservabilityServer;
let web: LocalPeer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-observability-${process.pid}-`));
  web = await startHttpPeer((_req, res) => res.end('ok'));
  engine = await startEngine({
    dataDir: dir,
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '9.9.9-test',
    log: () => undefined,
  });
  open = await startObservabilityServer({ call: engine.call, host: '127.0.0.1', port: 0 });
  guarded = await startObservabilityServer({ call: engine.call, host: '127.0.0.1', port: 0, token: TOKEN });
});

afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await engine?.stop();
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

const family = (families: PrometheusFamily[], name: string) => families.find((f) => f.name === name);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('/health and /metrics', () => {
  it('answers /health with 200 once every collector runs', async () => {
    const response = await until(
      () => fetch(`${open.url}/health`),
      (r) => r.status === 200,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', reasons: [] });
  });

  it('serves Prometheus text that a Prometheus parser reads, with the per-stage histograms', async () => {
    const check = await engine.call('synthetic.checks.create', {
      check: { name: 'Portal', spec: { kind: 'http', url: `${web.url}/` } },
    });
    await engine.call('synthetic.checks.runNow', { id: check.id });
    const response = await fetch(`${open.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const families = parsePrometheusTextFormat(text);

    expect(family(families, 'vigia_store_up')?.metrics).toEqual([{ value: '1' }]);
    expect(family(families, 'vigia_notification_backlog')?.metrics).toEqual([{ value: '0' }]);
    const workers = family(families, 'vigia_worker_up')!
      .metrics.map((m) => m.labels?.worker)
      .sort();
    expect(workers).toEqual(['backup', 'optical', 'pinger', 'snmp', 'synthetic', 'traps']);
    expect(family(families, 'vigia_worker_restarts')?.metrics.every((m) => m.value === '0')).toBe(true);
    expect(family(families, 'vigia_synthetic_check_up')?.metrics).toEqual([
      { labels: { check: 'Portal', kind: 'http' }, value: '1' },
    ]);

    // The parser reads labelled histograms as one flattened series: their families are checked
    // with it, their per-label series on the text itself.
    expect(family(families, 'vigia_stage_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(family(families, 'vigia_synthetic_check_duration_seconds')?.type).toBe('HISTOGRAM');
    const countOf = (series: string) => Number(new RegExp(`^${series} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(countOf('vigia_stage_duration_seconds_count\\{stage="synthetic_round"\\}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      countOf('vigia_stage_duration_seconds_count\\{stage="synthetic_store_write"\\}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      countOf('vigia_stage_duration_seconds_bucket\\{le="\\+Inf",stage="synthetic_round"\\}'),
    ).toBeGreaterThanOrEqual(1);
    expect(countOf('vigia_synthetic_check_duration_seconds_count\\{kind="http"\\}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(family(families, 'vigia_process_resident_memory_bytes')?.type).toBe('GAUGE');
  });

  it('asks for the access token where one is set', async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    // Never in the URL, where logs and proxies would keep it.
    expect((await fetch(`${guarded.url}/metrics?token=${TOKEN}`)).status).toBe(401);
    const withHeader = await fetch(`${guarded.url}/health`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withHeader.status).toBe(200);
  });

  it("exports diagnostics with the engine's own log file", async () => {
    const { fileName, base64 } = await engine.call('diagnostics.export', undefined);
    expect(fileName).toMatch(/^vigia-diagnostics-\d{8}-\d{6}\.zip$/);
    const files = unzipSync(Buffer.from(base64, 'base64'));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'settings.json',
        'versions.json',
        'health.json',
        'metrics.txt',
        'logs/vigia.log',
      ]),
    );
    expect(JSON.parse(strFromU8(files['versions.json']!))).toMatchObject({
      version: '9.9.9-test',
      dialect: 'sqlite',
    });
    expect(JSON.parse(strFromU8(files['health.json']!))).toMatchObject({
      health: { storeOk: true },
      syntheticChecks: [{ name: 'Portal' }],
    });
  });

  it('answers anything else with 404 or 405', async () => {
    expect((await fetch(`${open.url}/`)).status).toBe(404);
    expect((await fetch(`${open.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it("answers 503 with the reason, in the reader's language, while a collector is down", async () => {
    const synthetic = engine.health().workers.find((worker) => worker.name === 'synthetic')!;
    process.kill(synthetic.pid!, 'SIGKILL');
    const response = await until(
      () => fetch(`${open.url}/health`, { headers: { 'accept-language': 'en-US,en;q=0.9' } }),
      (r) => r.status === 503,
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reasons: { code: string; message: string }[] };
    expect(body.status).toBe('unhealthy');
    expect(body.reasons[0]).toMatchObject({ code: 'worker_down', params: { worker: 'synthetic' } });
    expect(body.reasons[0]!.message).toMatch(
      /^The "synthetic" collector is not running \((restarting|starting)\)\.$/,
    );
    // It comes back on its own, and so does /health.
    const again = await until(
      () => fetch(`${open.url}/health`),
      (r) => r.status === 200,
    );
    expect(again.status).toBe(200);
    const restarts = engine.health().workers.find((worker) => worker.name === 'synthetic')!.restarts;
    expect(restarts).toBe(1);
  });
});
