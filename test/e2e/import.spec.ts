import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { readHeader } from '../../shared/domain/import/columns';
import { planImport } from '../../shared/domain/import/plan';
import { readImportFile } from '../../shared/domain/import/read-file';
import { call, open } from './demo-server';

test.describe.configure({ mode: 'serial' });

const fixture = (name: string) => readFileSync(resolve('test/fixtures/import', name));

async function openImport(page: Page) {
  await open(page, 'devices');
  await page.getByTestId('import-devices').click();
  await expect(page.getByTestId('import-file')).toBeVisible();
}

async function choose(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

const reasonsOf = (page: Page, line: number) =>
  page.locator(`[data-testid="import-row"][data-line="${line}"] [data-testid="import-reasons"]`);

test.beforeAll(async () => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
});

test('a pt-BR Excel CSV saved as Windows-1252 is read with its accents and every reason in Portuguese', async ({
  page,
}) => {
  await openImport(page);
  await choose(page, 'planilha.csv', fixture('planilha-noc-windows-1252.csv'));
  await expect(page.getByTestId('import-source')).toContainText(
    'CSV · Windows-1252 (ANSI) · separado por ponto e vírgula',
  );
  await expect(page.getByTestId('import-source')).toContainText('números com vírgula decimal');
  await expect(page.getByTestId('import-summary')).toHaveText(
    '3 linhas prontas, 3 com problema, 0 com aviso',
  );
  await expect(reasonsOf(page, 5)).toHaveText('Endereço (IP): obrigatório');
  await expect(reasonsOf(page, 6)).toHaveText('o endereço 100.127.240.1 já está na linha 2');
  await expect(reasonsOf(page, 7)).toHaveText(
    'o pai "100.127.249.249" não está no arquivo nem no inventário',
  );
  await expect(page.locator('[data-testid="import-row"][data-line="5"]')).toContainText('Sem Endereço');
  await page.getByRole('button', { name: 'Cancelar' }).click();
});

test('the same sheet as UTF-8 with a BOM imports its ready rows and its new tower, in one go', async ({
  page,
}) => {
  await openImport(page);
  await choose(page, 'planilha.csv', fixture('planilha-noc-utf8-bom.csv'));
  await expect(page.getByTestId('import-source')).toContainText(
    'CSV · UTF-8 com BOM · separado por ponto e vírgula',
  );
  await expect(page.getByText('Criar as torres novas (1): Torre Planilha Nova')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '3 linhas prontas, 3 com problema, 0 com aviso',
  );
  await page.screenshot({ path: 'test-results/import-preview.png' });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('3 equipamentos e 1 torres importados')).toBeVisible();
  await page.getByTestId('device-search').fill('planilha');
  await expect(page.getByTestId('device-row')).toHaveCount(3);
  const towers = (await call('towers.list', undefined)) as { name: string; latitude: number }[];
  expect(towers.find((tower) => tower.name === 'Torre Planilha Nova')?.latitude).toBe(-7.19);
});

test('an export re-imports with no change: the same rows, every one already in the inventory', async ({
  page,
}) => {
  await open(page, 'devices');
  await page.getByTestId('device-search').fill('planilha');
  await expect(page.getByTestId('device-row')).toHaveCount(3);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-devices').click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFFnome;ip;tipo;torre;pai;latitude;longitude;fabricante;modelo;tags;observações;ativo;estado',
  );
  expect(text).toContain(';-7,19;-35,87;');

  // What the file says is what the inventory holds: read by the same import, every row is a device we have.
  const reading = await readImportFile(new Uint8Array(bytes));
  if (!reading.ok) throw new Error(reading.reason);
  const [towers, devices] = (await Promise.all([
    call('towers.list', undefined),
    call('devices.list', undefined),
  ])) as [{ id: number; name: string; code: string }[], { id: number; name: string; host: string }[]];
  const plan = planImport(
    reading,
    readHeader(reading.header, () => true).mapping,
    { towers, devices: [] },
    { createTowers: false },
  );
  expect(plan.rows.map((row) => row.reasons)).toEqual([[], [], []]);
  const byHost = new Map(devices.map((device) => [device.host, device]));
  for (const row of plan.request.devices) expect(byHost.get(row.host)?.name).toBe(row.name);

  await page.getByTestId('import-devices').click();
  await choose(page, 'vigia-equipamentos.csv', bytes);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '0 linhas prontas, 3 com problema, 0 com aviso',
  );
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
});

test('an .xlsx with an unknown column asks what it holds, and names a parent loop by its rows', async ({
  page,
}) => {
  const buffer = await writeXlsxFile([
    ['Name', 'Host', 'Type', 'Tower', 'Parent', 'Cidade'],
    ['XLSX Borda', '100.127.241.1', 'Router', 'CG-02', null, 'Campina Grande'],
    ['XLSX Cliente', '100.127.241.2', 'CPE', 'Alto Branco', 'XLSX Borda', 'Campina Grande'],
    ['XLSX Laço A', '100.127.241.3', 'Router', null, 'XLSX Laço B', null],
    ['XLSX Laço B', '100.127.241.4', 'Router', null, 'XLSX Laço A', null],
    ['XLSX Ruim', '100.127.241.x/24', 'Router', null, null, null],
  ]).toBuffer();
  await openImport(page);
  await choose(
    page,
    'rede.xlsx',
    buffer,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  await expect(page.getByTestId('import-source')).toContainText('Planilha .xlsx (primeira aba)');
  await expect(page.getByTestId('import-mapping')).toContainText(
    'Coluna "Cidade" não reconhecida (1ª linha: "Campina Grande")',
  );
  await expect(page.getByTestId('import-summary')).toHaveText(
    '2 linhas prontas, 3 com problema, 0 com aviso',
  );
  await expect(reasonsOf(page, 4)).toHaveText('ciclo de pais entre as linhas 4 → 5 → 4');
  await expect(reasonsOf(page, 5)).toHaveText('ciclo de pais entre as linhas 4 → 5 → 4');
  await expect(reasonsOf(page, 6)).toHaveText(
    'Endereço (IP): endereço inválido (um IP ou nome de host, sem espaços nem máscara)',
  );
  await page.getByTestId('import-map-5').click();
  await page.getByRole('option', { name: 'Observações' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '2 linhas prontas, 3 com problema, 0 com aviso',
  );
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('2 equipamentos e 0 torres importados')).toBeVisible();
  const devices = (await call('devices.list', undefined)) as {
    name: string;
    notes: string;
    parentId: number | null;
    id: number;
  }[];
  const borda = devices.find((device) => device.name === 'XLSX Borda')!;
  expect(devices.find((device) => device.name === 'XLSX Cliente')).toMatchObject({
    notes: 'Campina Grande',
    parentId: borda.id,
  });
});

test('bad files get a clear message and nothing is written: binary, 50 MB, 100,000 rows', async ({
  page,
}) => {
  const before = ((await call('devices.list', undefined)) as unknown[]).length;
  await openImport(page);
  await choose(
    page,
    'foto.csv',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
  );
  await expect(page.getByTestId('import-refusal')).toHaveText(
    'Este arquivo não é um CSV de texto nem uma planilha .xlsx. No Excel, use "Salvar como" CSV ou .xlsx.',
  );
  // Playwright hands over buffers up to 50 MB only: the big one goes as a file.
  const huge = join(mkdtempSync(join(tmpdir(), `vigia-import-${process.pid}-`)), 'enorme.csv');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x41));
  await page.locator('input[type="file"]').setInputFiles(huge);
  await expect(page.getByTestId('import-refusal')).toHaveText(
    'O arquivo tem 50 MB; o máximo é 10 MB. Divida-o em partes.',
  );
  const many = [
    'nome;ip',
    ...Array.from({ length: 100_000 }, (_v, i) => `d${i};10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`),
  ];
  await choose(page, 'muitas.csv', Buffer.from(many.join('\r\n')));
  await expect(page.getByTestId('import-refusal')).toHaveText(
    'O arquivo tem 100.000 linhas; o máximo por importação é 20.000. Divida-o em partes.',
  );
  // The page answered throughout: the worker did the reading.
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  expect(((await call('devices.list', undefined)) as unknown[]).length).toBe(before);
});

test('in English the same reasons are in English, with no Portuguese left', async ({ page }) => {
  await call('settings.ui.set', { value: { language: 'en' } });
  try {
    await openImport(page);
    await choose(page, 'planilha.csv', fixture('planilha-noc-windows-1252.csv'));
    await expect(page.getByTestId('import-source')).toContainText(
      'CSV · Windows-1252 (ANSI) · separated by semicolon',
    );
    await expect(page.getByTestId('import-summary')).toHaveText(
      '0 rows ready, 6 with a problem, 0 with a warning',
    );
    await expect(reasonsOf(page, 5)).toHaveText('Address (IP): required');
    await expect(reasonsOf(page, 2)).toHaveText(
      'address 100.127.240.1 already belongs to device "Concentrador Planilha"',
    );
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
  }
});
