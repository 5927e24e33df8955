// npm run bench:import (after npm run build) — a 10,000-row device list as NOC operators keep it
// (pt-BR Excel CSV: BOM, ";", CRLF, comma decimals, Portuguese headers, towers by name, parents by
// name or address, some further down) and the same rows as an .xlsx, each through:
//   preview_ms: read the file and check every row against a store already holding 10,000 devices
//               (the code the page's import worker runs, here in Node: readImportFile + planImport);
//   write_ms:   the confirmed rows and their new towers through the engine's `inventory.import`
//               handler (checks, one transaction, audit, events) on SQLite; the monitors' reload
//               that follows in the app is left out;
//   longest_task_ms: the longest main-thread task (PerformanceObserver "longtask") in Debian's
//               Chromium while the headless demo server's page reads and previews both files in
//               its worker, from choosing the file to the summary shown (page.*_preview_ms).
// baseline.create_many_ms: seeding each store's 10,000 devices with the store's own
//               `devices.createMany`, the peer to compare write_ms with in the same run.
// Prints one JSON object. Timings drift ±30 % with other load on the machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { readHeader } from '../../shared/domain/import/columns';
import { planImport } from '../../shared/domain/import/plan';
import { readImportFile } from '../../shared/domain/import/read-file';
import type { ApiContext } from '../../electron/engine/api/context';
import { inventoryImportHandlers } from '../../electron/engine/api/inventory-import-handlers';
import { EventBus } from '../../electron/engine/event-bus';
import { openStore } from '../../electron/engine/store/open-store';
import { startDemoServer } from '../e2e/serve-demo';
import { testCaller } from '../helpers/callers';

const ROWS = 10_000;
const EXISTING = 10_000;
const TOWERS = 50;
const HEADER = [
  'nome',
  'ip',
  'tipo',
  'torre',
  'pai',
  'latitude',
  'longitude',
  'fabricante',
  'tags',
  'observações',
];

/** Row i: a tower by name, a parent by name (a few rows up) or by address (the row below, every tenth). */
function sheetRows(prefix: string, secondOctet: number): (string | number)[][] {
  return Array.from({ length: ROWS }, (_v, i) => {
    const tower = i % TOWERS;
    const parent =
      i % 10 === 0
        ? ''
        : i % 10 === 9
          ? ''
          : i % 10 === 5
            ? address(secondOctet, i + 1)
            : `${prefix} ${i - (i % 10)}`;
    return [
      `${prefix} ${i}`,
      address(secondOctet, i),
      i % 10 === 0 ? 'Roteador' : 'Setorial',
      `Torre ${prefix} ${tower}`,
      parent,
      -7.2 - tower / 100,
      -35.9 + tower / 100,
      'Ubiquiti',
      'planilha;bench',
      'importado da planilha do NOC',
    ];
  });
}
const address = (second: number, i: number) => `100.${second}.${i >> 8}.${i & 255}`;

function excelCsv(rows: (string | number)[][]): Buffer {
  const cell = (value: string | number) => {
    const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [HEADER, ...rows].map((row) => row.map(cell).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

async function storeWithDevices(dir: string) {
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, `vigia-${Math.random()}.db`) });
  const started = performance.now();
  await repo.devices.createMany(
    Array.from({ length: EXISTING }, (_v, i) => ({
      name: `existente ${i}`,
      host: `100.70.${i >> 8}.${i & 255}`,
    })),
  );
  return { repo, seed_ms: Math.round(performance.now() - started) };
}

async function previewAndWrite(dir: string, bytes: Uint8Array) {
  const { repo, seed_ms } = await storeWithDevices(dir);
  const started = performance.now();
  const reading = await readImportFile(bytes);
  if (!reading.ok) throw new Error(`unreadable: ${reading.reason}`);
  const [towers, devices] = await Promise.all([repo.towers.list(), repo.devices.list()]);
  const plan = planImport(
    reading,
    readHeader(reading.header, () => true).mapping,
    { towers, devices },
    { createTowers: true },
  );
  const preview_ms = Math.round(performance.now() - started);
  if (plan.valid !== ROWS)
    throw new Error(
      `expected ${ROWS} ready rows, got ${plan.valid}: ${JSON.stringify(plan.rows.find((r) => r.reasons.length))}`,
    );
  const ctx = {
    repo,
    bus: new EventBus(),
    now: Date.now,
    settings: { 'settings.get': async () => ({ ui: { language: 'pt-BR' } }) },
    inventoryChanged: async () => undefined,
  } as unknown as ApiContext;
  const writeStarted = performance.now();
  const written = await inventoryImportHandlers(ctx)['inventory.import'](plan.request as never, testCaller);
  const write_ms = Math.round(performance.now() - writeStarted);
  if (written.devices !== ROWS || written.towers !== TOWERS)
    throw new Error(`wrote ${JSON.stringify(written)}`);
  await repo.close();
  return { preview_ms, write_ms, seed_ms };
}

/** The page's longest task and its own preview times while it reads both files in its worker. */
async function inPage(csvFile: string, xlsxFile: string) {
  const server = await startDemoServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/#/devices`);
    await page.getByTestId('import-devices').click();
    await page.evaluate(() => {
      const state = globalThis as unknown as { longest: number };
      state.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longest = Math.max(state.longest, entry.duration);
      }).observe({ entryTypes: ['longtask' as never] });
    });
    const preview = async (file: string) => {
      const started = Date.now();
      await page.locator('input[type="file"]').setInputFiles(file);
      await page
        .getByTestId('import-summary')
        .getByText(`${ROWS} linhas prontas`)
        .waitFor({ timeout: 120_000 });
      return Date.now() - started;
    };
    const csv = await preview(csvFile).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/bench-import-failed.png' });
      throw error;
    });
    const xlsx = await preview(xlsxFile).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/bench-import-failed.png' });
      throw error;
    });
    const longest = await page.evaluate(() => (globalThis as unknown as { longest: number }).longest);
    return { csv, xlsx, longest: Math.round(longest) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-bench-import-${process.pid}-`));
  try {
    const csvBytes = excelCsv(sheetRows('Planilha', 71));
    const xlsxBytes = await writeXlsxFile([HEADER, ...sheetRows('Planilha', 72)]).toBuffer();
    const csv = await previewAndWrite(dir, new Uint8Array(csvBytes));
    const xlsx = await previewAndWrite(dir, new Uint8Array(xlsxBytes));
    const csvFile = join(dir, 'equipamentos.csv');
    const xlsxFile = join(dir, 'equipamentos.xlsx');
    writeFileSync(csvFile, csvBytes);
    writeFileSync(xlsxFile, xlsxBytes);
    const page = await inPage(csvFile, xlsxFile);
    console.log(
      JSON.stringify({
        rows: ROWS,
        csv: { preview_ms: csv.preview_ms, write_ms: csv.write_ms },
        xlsx: { preview_ms: xlsx.preview_ms, write_ms: xlsx.write_ms },
        longest_task_ms: page.longest,
        // The peer measured in the same run: the store's plain 10,000-device insert (devices.createMany).
        baseline: { create_many_ms: [csv.seed_ms, xlsx.seed_ms] },
        page: { csv_preview_ms: page.csv, xlsx_preview_ms: page.xlsx },
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
