import { expect, test, type Page } from '@playwright/test';
import type { Language } from '../../shared/i18n';
import { sampleEvent } from '../../shared/domain/notify/template';
import { baseUrl, call, open } from './demo-server';
import { foreignWords, leaks, texts, words } from './language-leaks';
import { NAV_PAGES } from '../../renderer/src/app/nav-pages';

test.describe.configure({ mode: 'serial' });

/**
 * Names the operator typed or the demo network gave (towers, devices, tags, vendors, checks…) are
 * the same in every language, and so are product and protocol names.
 */
const names = [
  'vigia',
  'leaflet',
  'natural',
  'earth',
  'padtec',
  'mikrotik',
  'ubiquiti',
  'huawei',
  'cisco',
  'telegram',
  'prometheus',
  'grafana',
  'windows',
  'linux',
  'excel',
  'english',
  'português',
  'brasil',
];

const languageName: Record<Language, string> = { 'pt-BR': 'Português (Brasil)', en: 'English' };

async function allowedWords(): Promise<Set<string>> {
  const typed: string[] = [];
  for (const method of [
    'towers.list',
    'devices.list',
    'synthetic.checks.list',
    'optical.sites',
    'optical.config.get',
    'optical.vendorAlarms',
  ])
    typed.push(...texts(await call(method, undefined)).flatMap(words));
  // The notification templates' preview speaks of a sample device on a sample tower.
  const sample = sampleEvent('raised', 0);
  typed.push(...words(`${sample.device} ${sample.tower}`));
  return new Set([...names, ...typed]);
}

/** Everything a person reads on the page now: its text and the words in titles and placeholders. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap(
      (element) => ['title', 'placeholder', 'aria-label'].map((name) => element.getAttribute(name) ?? ''),
    );
    return `${document.body.innerText}\n${attributes.filter(Boolean).join('\n')}`;
  });
}

/** Waits until the page stops changing its words (data loaded, lazy parts shown), then reads it. */
async function settledText(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        // Clocks and counters tick on their own: only the words must have settled.
        const now = (await visibleText(page)).replace(/\d+/g, '#');
        const same = now === last && now.length > 0;
        last = now;
        return same;
      },
      { intervals: [300, 500, 800, 1_000], timeout: 20_000 },
    )
    .toBe(true);
  return last;
}

// Every page of the navigation, and the wall screen, which has none.
const pages: string[] = [...NAV_PAGES, 'wall'];

/** Buttons that open a modal, per page: each modal is read too, then closed. */
const modals: Record<string, string[]> = {
  devices: ['add-device', 'import-devices'],
  backups: ['backup-add'],
  checks: ['synthetic-add'],
};

async function walk(page: Page, language: Language): Promise<string[]> {
  const foreign = foreignWords(language);
  const allowed = await allowedWords();
  const found: string[] = [];
  const read = async (where: string) => {
    for (const leak of leaks(await settledText(page), foreign, allowed)) found.push(`${where}: ${leak}`);
  };
  const firstDevice = ((await call('devices.list', undefined)) as { id: number }[])[0]!;
  for (const path of [...pages, `devices/${firstDevice.id}`]) {
    // The wall screen is full-screen, without the app's navigation.
    if (path === 'wall') await page.goto(`${baseUrl()}/#/wall`);
    else await open(page, path);
    await read(path);
    const tabs = page.locator('main [role="tab"], .mantine-AppShell-main [role="tab"]');
    for (let i = 0; i < (await tabs.count()); i++) {
      const label = (await tabs.nth(i).textContent())?.trim() ?? '';
      // A tab that edits the other language's texts (notification templates) is meant to show them.
      if (label === languageName[language === 'en' ? 'pt-BR' : 'en']) continue;
      await tabs.nth(i).click();
      await read(`${path} › ${label}`);
    }
    for (const button of modals[path] ?? []) {
      await page.getByTestId(button).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await read(`${path} › ${button}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  }
  return found;
}

for (const language of ['en', 'pt-BR'] as const) {
  test(`every page of the demo in ${language} shows no word of the other language`, async ({ page }) => {
    test.setTimeout(240_000);
    await call('settings.ui.set', { value: { language } });
    try {
      expect(await walk(page, language)).toEqual([]);
    } finally {
      await call('settings.ui.set', { value: { language: 'pt-BR' } });
    }
  });
}
