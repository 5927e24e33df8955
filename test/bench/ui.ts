// npm run bench:ui [-- --minutes 10] — the operator UI in Debian's Chromium with 10,000 devices:
// time from navigation to an interactive devices table (the first frame showing its rows and its
// search box, recorded in the page) — the median of five fresh loads against the running engine (an
// operator opening or reloading the UI), and also one right as the engine starts, when its first
// cycle and the page load share the machine — the longest main-thread task while a
// burst of 10,000 status changes arrives (one every 30 s), and the JS heap after the run against
// after its first minute. The engine is real (SQLite store, API, WebSocket server); the status
// bursts are added at its event stream, as a network where everything changes at once would
// produce them. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { DeviceInput, DeviceStatus, Tower } from '../../shared/contract/entities';
import type { VigiaEvent } from '../../shared/contract/events';
import { startEngine } from '../../electron/engine/start-engine';
import { openStore } from '../../electron/engine/store/open-store';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startHttpServer } from '../../electron/server/http-server';

const DEVICES = 10_000;
const BURST_EVERY_MS = 30_000;
/** Fresh loads against the running engine; one load on a 2-core machine varies by ±200 ms. */
const LOADS = 5;
const SETTLE_MS = 2_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
];

/**
 * Records, in the page, when the devices table is first shown: the frame after its rows and its
 * search box are in the document. Playwright's own wait polls with a growing back-off (up to
 * 500 ms between looks), which would add its polling delay to the figure.
 */
const RECORD_SHOWN_AT = `
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="device-row"]')) return;
    if (!document.querySelector('[data-testid="device-search"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      globalThis.__vigiaShownAt = performance.timeOrigin + performance.now();
    }));
  });
  observer.observe(document, { childList: true, subtree: true });
`;

async function seed(file: string): Promise<void> {
  const repo = await openStore({ dialect: 'sqlite', file });
  const towers: Tower[] = [];
  for (let t = 0; t < 100; t++)
    towers.push(
      await repo.towers.create({
        name: `Torre ${t}`,
        code: `B${t}`,
        latitude: -7.2 + t / 500,
        longitude: -35.9 + (t % 10) / 100,
      }),
    );
  const rows: DeviceInput[] = Array.from({ length: DEVICES }, (_, i) => ({
    name: `Equipamento ${i}`,
    host: `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
    kind: i % 100 === 0 ? 'backhaul' : 'cpe',
    towerId: towers[i % towers.length]!.id,
  }));
  await repo.devices.createMany(rows);
  await repo.close();
}

function burst(ids: number[], round: number): VigiaEvent {
  const at = Date.now();
  const statuses: DeviceStatus[] = ids.map((deviceId, i) => ({
    deviceId,
    state: (i + round) % 7 === 0 ? 'down' : (i + round) % 11 === 0 ? 'degraded' : 'up',
    since: at,
    lastCheck: at,
    rttMs: 1 + ((i * 7 + round) % 90),
    lossPct: (i + round) % 13 === 0 ? 20 : 0,
    cause: null,
  }));
  return { type: 'status.changed', at, statuses };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
  const minutes = Math.max(2, Number(values.minutes));
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-ui-'));
  const file = join(dir, 'vigia.db');
  await seed(file);
  // Demo transport: the devices are simulated, so no packet leaves for these addresses.
  const engine = await startEngine({
    dataDir: dir,
    store: { dialect: 'sqlite', file },
    demo: true,
    runtime: 'headless',
    spawner: forkSpawner,
    version: 'bench',
    log: () => undefined,
  });
  const listeners = new Set<(event: VigiaEvent) => void>();
  const withBursts = {
    ...engine,
    subscribe: (listener: (event: VigiaEvent) => void) => {
      listeners.add(listener);
      const stop = engine.subscribe(listener);
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
  };
  const server = await startHttpServer({
    engine: withBursts,
    host: '127.0.0.1',
    port: 0,
    rendererDir: resolve('out/renderer'),
  });
  const ids = (await engine.call('devices.list', undefined)).map((device) => device.id);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // Each measurement in a fresh context: nothing cached from an earlier load.
    const openDevices = async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript({ content: RECORD_SHOWN_AT });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.url}/#/devices`);
      await page.locator('[data-testid="device-row"]').first().waitFor();
      await page.getByTestId('device-search').waitFor();
      const shown = await page.waitForFunction(
        () => (globalThis as unknown as { __vigiaShownAt?: number }).__vigiaShownAt ?? 0,
      );
      return { context, page, ms: Math.round((await shown.jsonValue()) - started) };
    };
    const cold = await openDevices();
    await cold.context.close();
    while (engine.health().lastCycleAt === null) await new Promise((done) => setTimeout(done, 100));
    await new Promise((done) => setTimeout(done, 2_000));
    const loads: number[] = [];
    let opened = await openDevices();
    for (let i = 1; i < LOADS; i++) {
      loads.push(opened.ms);
      await opened.context.close();
      opened = await openDevices();
    }
    loads.push(opened.ms);
    const { page } = opened;
    const interactiveMs = [...loads].sort((a, b) => a - b)[Math.floor(LOADS / 2)]!;
    // The page finishes starting (idle-time work, the first effects) before the bursts begin: the
    // figure is about updates, and a load's own tail is not one.
    await page.waitForTimeout(SETTLE_MS);

    await page.evaluate(() => {
      const state = globalThis as unknown as { longest: number; measuring: boolean };
      state.longest = 0;
      state.measuring = true;
      new PerformanceObserver((list) => {
        if (!state.measuring) return;
        for (const entry of list.getEntries()) state.longest = Math.max(state.longest, entry.duration);
      }).observe({ entryTypes: ['longtask' as never] });
    });
    const heap = () =>
      page.evaluate(
        () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      );
    // A forced collection is itself a long task in the page: it is left out of the measurement.
    const measuring = (on: boolean) =>
      page.evaluate((value) => {
        (globalThis as unknown as { measuring: boolean }).measuring = value;
      }, on);
    const collect = async () => {
      await measuring(false);
      const session = await page.context().newCDPSession(page);
      await session.send('HeapProfiler.collectGarbage');
      await session.detach();
      await page.waitForTimeout(200);
      await measuring(true);
    };

    let round = 0;
    const send = () => {
      const event = burst(ids, round++);
      listeners.forEach((listener) => listener(event));
    };
    send();
    const timer = setInterval(send, BURST_EVERY_MS);
    await page.waitForTimeout(60_000);
    await collect();
    const heapAfterOneMinute = await heap();
    await page.waitForTimeout((minutes - 1) * 60_000);
    await collect();
    const heapAtEnd = await heap();
    clearInterval(timer);
    const longestTaskMs = await page.evaluate(() => (globalThis as unknown as { longest: number }).longest);
    process.stdout.write(
      `${JSON.stringify({
        devices: DEVICES,
        interactive_ms: interactiveMs,
        interactive_loads_ms: loads,
        interactive_cold_start_ms: cold.ms,
        longest_task_ms: Math.round(longestTaskMs),
        heap_ratio: Number((heapAtEnd / heapAfterOneMinute).toFixed(3)),
        minutes,
        bursts: round,
        heap_mb: { after_1_min: Math.round(heapAfterOneMinute / 1e6), at_end: Math.round(heapAtEnd / 1e6) },
      })}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
