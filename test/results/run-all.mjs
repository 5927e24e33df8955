// `npm test`: lint, type-check, vitest (unit + integration), build, Playwright; then the plain
// summary line over both runners' JSON reports. The test runners both run even when the first
// fails, so the summary counts everything; lint, type-check and build stop the run.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { REPORTS, failureLines, readReports, summaryLine } from './reports.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const step = (script) =>
  spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

for (const report of Object.values(REPORTS)) rmSync(report, { force: true });
let ok = step('lint') && step('typecheck');
if (ok) {
  const unit = step('test:unit');
  const built = step('build');
  const browser = built && step('test:browser');
  ok = unit && built && browser;
}
const totals = readReports();
for (const line of failureLines(totals)) console.log(line);
console.log(summaryLine(totals));
process.exit(ok && totals.failed === 0 ? 0 : 1);
