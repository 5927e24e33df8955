import { expect, test, type Page } from '@playwright/test';
import { call, open } from './demo-server';
import { keepScreenshot as keep } from './screenshot';

/** No tower name drawn over another, once the map has settled after a zoom's animation. */
async function expectNoOverlap(page: Page): Promise<void> {
  const overlapping = async () => {
    const boxes = await page.locator('.tower-label').evaluateAll((labels) =>
      labels.map((label) => {
        const { left, right, top, bottom } = label.getBoundingClientRect();
        return { left, right, top, bottom };
      }),
    );
    return boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top)),
    ).length;
  };
  await expect.poll(overlapping).toBe(0);
}

test.beforeEach(async () => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
});

test('the map shows where without a network: state outlines, tower names, a legend and the backhaul', async ({
  page,
}) => {
  // Any request leaving the page for another host would be a tile or a font fetched from outside.
  const foreign: string[] = [];
  page.on('request', (request) => {
    const { hostname } = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(hostname) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await open(page, 'map');
  // Brazil's 27 states, drawn from the geodata bundled with the page.
  await expect(page.locator('path.state-outline')).toHaveCount(27);
  const towers = (await call('towers.list', undefined)) as { name: string }[];
  await expect(page.locator('path.tower-marker')).toHaveCount(towers.length);
  await expect(page.locator('.tower-label').first()).toBeVisible();
  await expectNoOverlap(page);
  // Every label is a tower's name.
  const names = new Set(towers.map((tower) => tower.name));
  for (const text of await page.locator('.tower-label').allTextContents()) expect(names.has(text)).toBe(true);
  await expect(page.locator('path.backhaul-link').first()).toBeAttached();
  // A link drawn down has the legend's red dashes; one drawn up is solid.
  for (const link of await page.locator('path.backhaul-link.link-down').all()) {
    await expect(link).toHaveAttribute('stroke-dasharray', '8 6');
    await expect(link).toHaveAttribute('stroke', '#e03131');
  }
  for (const link of await page.locator('path.backhaul-link.link-up').all())
    await expect(link).not.toHaveAttribute('stroke-dasharray', /./);

  const legend = page.getByTestId('map-legend');
  await expect(legend).toContainText('Torres (pior equipamento)');
  await expect(legend).toContainText('Enlaces de backhaul');
  await expect(legend.locator('[data-link-state="down"] line')).toHaveAttribute('stroke-dasharray', '8 6');
  await expect(legend.locator('[data-link-state="down"]')).toContainText('fora do ar');
  await expect(page.getByText('Contornos dos estados: Natural Earth')).toBeVisible();

  await page.screenshot({ path: 'test-results/map.png', animations: 'disabled' });
  await keep(page, 'map');

  // Zoomed out to the state, the towers crowd: fewer names, still none over another.
  const close = await page.locator('.tower-label').count();
  for (let i = 0; i < 4; i++) await page.locator('.leaflet-control-zoom-out').click();
  await expect.poll(() => page.locator('.tower-label').count()).toBeLessThan(close);
  await expectNoOverlap(page);
  await page.screenshot({ path: 'test-results/map-state.png', animations: 'disabled' });
  expect(foreign).toEqual([]);
});
