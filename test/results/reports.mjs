// What the test runners reported: counts and the names of skipped tests, from vitest's and
// Playwright's JSON reports in test-results/ (a runner that did not run counts nothing).
import { existsSync, readFileSync } from 'node:fs';

export const REPORTS = {
  vitest: 'test-results/vitest.json',
  playwright: 'test-results/playwright.json',
  playwrightElectron: 'test-results/playwright-electron.json',
};

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

/** Every test of a Playwright report with its suite titles, depth first. */
function* playwrightTests(suites, titles = []) {
  for (const suite of suites ?? []) {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) yield { name: [...path, spec.title].join(' › '), test };
    yield* playwrightTests(suite.suites, path);
  }
}

/** @returns {{ passed: number, failed: number, skipped: number, skippedNames: string[] }} */
export function readReports() {
  const totals = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  const vitest = read(REPORTS.vitest);
  if (vitest) {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests;
    totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
    for (const file of vitest.testResults ?? [])
      for (const result of file.assertionResults ?? [])
        if (['pending', 'skipped', 'todo', 'disabled'].includes(result.status))
          totals.skippedNames.push(result.fullName);
  }
  for (const file of [REPORTS.playwright, REPORTS.playwrightElectron]) {
    const report = read(file);
    if (!report) continue;
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
    for (const { name, test } of playwrightTests(report.suites))
      if (test.status === 'skipped') totals.skippedNames.push(name);
  }
  return totals;
}

export const summaryLine = ({ passed, failed, skipped }) =>
  `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
