// npm run bench:ui (as root) [-- --minutes 10] — the operator UI in Debian's Chromium with 10,000
// devices: time from navigation to an interactive devices table (the first frame showing its rows
// and its search box, recorded in the page) — the median of five fresh loads against the running
// engine, and one right as the engine starts, when its first cycle and the page load share the
// machine — the longest main-thread task while bursts of 10,000 status changes arrive, and the JS
// heap at the end against after the first minute. The engine is the app's own (startEngine, the
// headless server, the real pinger worker in a network namespace this script creates, 10,000
// loopback devices every 30 s); the bursts are its own work: every minute the namespace starts or
// stops answering ICMP for all of them, and the engine's next cycles turn all 10,000 down, then up.
// Long tasks are measured the whole time; the two forced garbage collections for the heap figures
// pause the measurement only in the quiet after a burst. Prints one JSON line.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createNetns, netnsUnavailable } from '../helpers/netns';
import { bundleWorkers, startBenchEngine } from './bench-engine';

const DEVICES = 10_000;
const INTERVAL_MS = 30_000;
/** How often the namespace flips between answering and silent: a burst down, then one back up. */
const FLIP_EVERY_MS = 60_000;
/** The seeded devices' addresses (test/bench/bench-network.ts). */
const DEVICE_RANGE = '127.0.0.0/16';
/** A status batch this large is one of the flips, not a straggler. */
const BURST_MIN = DEVICES / 2;
/** After a burst, the page has drawn it well within this: a forced collection here meets no burst. */
const QUIET_AFTER_BURST_MS = 5_000;
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
  const minutes = Math.max(2, Number(values.minutes));
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(`bench:ui: ${unavailable}`);
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'vigia-bench-ui-'));
  const ns = await createNetns('vigia-bench-ui');
  const bench = await startBenchEngine({
    namespace: ns.name,
    workerScripts: await bundleWorkers(dir),
    devices: DEVICES,
    intervalMs: INTERVAL_MS,
    // Every device changes every minute on purpose: not flapping, for this benchmark.
    monitorConfig: { flapChanges: 1_000_000 },
  });
  const { engine, server } = bench;
  let bursts = 0;
  const burstSizes: number[] = [];
  let burstWaiters: (() => void)[] = [];
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'status.changed' || event.statuses.length < BURST_MIN) return;
    bursts++;
    burstSizes.push(event.statuses.length);
    burstWaiters.splice(0).forEach((wake) => wake());
  });
  const nextBurst = () => new Promise<void>((wake) => burstWaiters.push(wake));
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

    // The quiet after the engine's next burst, when the page has drawn it: collect there.
    const collectBetweenBursts = async () => {
      await nextBurst();
      await page.waitForTimeout(QUIET_AFTER_BURST_MS);
      await collect();
    };
    const burstsBefore = bursts;
    let silent = false;
    const flip = async () => {
      silent = !silent;
      await (silent ? ns.silence(DEVICE_RANGE) : ns.unsilence(DEVICE_RANGE));
    };
    await flip();
    const flipper = setInterval(() => void flip(), FLIP_EVERY_MS);
    const startedAt = Date.now();
    await page.waitForTimeout(60_000);
    await collectBetweenBursts();
    const heapAfterOneMinute = await heap();
    await page.waitForTimeout(Math.max(0, startedAt + minutes * 60_000 - Date.now()));
    await collectBetweenBursts();
    const heapAtEnd = await heap();
    clearInterval(flipper);
    const measuredBursts = burstSizes.slice(burstsBefore);
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
        bursts_source: 'engine cycles',
        bursts: measuredBursts.length,
        burst_changes_min: Math.min(...measuredBursts),
        heap_mb: { after_1_min: Math.round(heapAfterOneMinute / 1e6), at_end: Math.round(heapAtEnd / 1e6) },
      })}\n`,
    );
  } finally {
    unsubscribe();
    burstWaiters = [];
    await browser.close();
    await bench.stop();
    await ns.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
