// What the test runners reported: counts and the names of skipped and failed tests, from vitest's and
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

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((line) => line.trim()) ?? '';

/**
 * @returns {{ passed: number, failed: number, skipped: number, skippedNames: string[],
 *   failures: string[] }}
 */
export function readReports() {
  const totals = { passed: 0, failed: 0, skipped: 0, skippedNames: [], failures: [] };
  const vitest = read(REPORTS.vitest);
  if (vitest) {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests;
    totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
    for (const file of vitest.testResults ?? [])
      for (const result of file.assertionResults ?? [])
        if (['pending', 'skipped', 'todo', 'disabled'].includes(result.status))
          totals.skippedNames.push(result.fullName);
        else if (result.status === 'failed')
          totals.failures.push(
            `${file.name}: ${result.fullName} — ${firstLine(result.failureMessages?.[0])}`,
          );
    // A file that failed to load has no assertion results, only its message.
    for (const file of vitest.testResults ?? [])
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((r) => r.status === 'failed'))
        totals.failures.push(`${file.name}: ${firstLine(file.message)}`);
  }
  for (const file of [REPORTS.playwright, REPORTS.playwrightElectron]) {
    const report = read(file);
    if (!report) continue;
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
    for (const { name, test } of playwrightTests(report.suites))
      if (test.status === 'skipped') totals.skippedNames.push(name);
      else if (test.status === 'unexpected')
        totals.failures.push(`${name} — ${firstLine(test.results?.at(-1)?.error?.message)}`);
  }
  return totals;
}

export const summaryLine = ({ passed, failed, skipped }) =>
  `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;

/** The failed tests, one line each, so the end of a long CI log names them. */
export const failureLines = ({ failures }) => failures.map((failure) => `failed: ${failure}`);
