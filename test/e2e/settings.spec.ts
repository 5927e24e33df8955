import { expect, test, type Locator } from '@playwright/test';
import type { AllSettings } from '../../shared/contract/settings';
import { call, open } from './demo-server';
import { keepScreenshot } from './screenshot';

test.describe.configure({ mode: 'serial' });

// The demo server is shared by every browser suite: leave the settings as they were found.
test.afterAll(async () => {
  await call('settings.monitor.set', { value: { criticalS: 15, unstableS: 30, stableS: 60 } });
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
});

const stored = async () => (await call('settings.get', undefined)) as AllSettings;
const at = async (cell: Locator) => Number(await cell.getAttribute('data-at'));

test('a stable interval below the unstable one is refused, named in Portuguese and in English', async ({
  page,
}) => {
  await open(page, 'settings');
  const form = page.getByTestId('settings-monitor');
  await page.getByTestId('monitor-stableS').fill('5');
  await page.getByTestId('settings-monitor-save').click();
  await expect(
    form.getByText('Intervalo instável (s): não pode ser maior que o intervalo estável (5 s).'),
  ).toBeVisible();

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('nav-devices')).toContainText('Devices');
  await page.getByTestId('settings-monitor-save').click();
  await expect(
    form.getByText('Unstable interval (s): cannot be longer than the stable interval (5 s).'),
  ).toBeVisible();
  expect((await stored()).monitor.stableS).toBe(60);

  // The engine applies the same rule, in the stored language, to whoever calls it.
  await expect(call('settings.monitor.set', { value: { stableS: 5 } })).rejects.toThrow(
    /Unstable interval \(s\): cannot be longer than the stable interval \(5 s\)/,
  );
  expect((await stored()).monitor.stableS).toBe(60);
});

test('a new ICMP interval saved in Settings is used from the next cycle, without a restart', async ({
  page,
}) => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
  await open(page, 'settings');
  await page.getByTestId('monitor-criticalS').fill('5');
  await page.getByTestId('monitor-unstableS').fill('5');
  await page.getByTestId('monitor-stableS').fill('5');
  await page.getByTestId('settings-monitor-save').click();
  await expect(page.getByTestId('settings-monitor-note')).toHaveText(
    'Salvo — vale a partir do próximo ciclo.',
  );
  // The page as the README shows it.
  await keepScreenshot(page, 'settings');
  expect((await stored()).monitor).toMatchObject({ criticalS: 5, unstableS: 5, stableS: 5 });

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('cycle-interval')).toHaveAttribute('data-ms', '5000');
  const last = page.getByTestId('last-cycle');
  const before = await at(last);
  // Readiness waits, generous for a loaded machine: a cycle is due every 5 s.
  await expect.poll(() => at(last), { timeout: 20_000 }).toBeGreaterThan(before);
  const first = await at(last);
  await expect.poll(() => at(last), { timeout: 20_000 }).toBeGreaterThan(first);
  const gap = (await at(last)) - first;
  // The new 5 s interval and not the demo's 15 s critical one: late only by what load adds.
  expect(gap).toBeGreaterThanOrEqual(4_500);
  expect(gap).toBeLessThan(12_000);
});
