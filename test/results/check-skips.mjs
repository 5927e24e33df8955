// Fails when a test was skipped that the allow-list does not name: a suite that passes by
// skipping (no root, no peer) must not look green. The allow-list (test/allowed-skips.txt) has one
// skipped test per line as "<full test name> — <why it may skip here>"; # starts a comment.
import { readFileSync } from 'node:fs';
import { readReports } from './reports.mjs';

const LIST = 'test/allowed-skips.txt';
const allowed = new Map();
for (const line of readFileSync(LIST, 'utf8').split('\n')) {
  const entry = line.trim();
  if (entry === '' || entry.startsWith('#')) continue;
  const [name, reason] = entry.split(' — ');
  if (!reason?.trim()) {
    console.error(`${LIST}: "${entry}" gives no reason ("<test name> — <reason>")`);
    process.exit(1);
  }
  allowed.set(name.trim(), reason.trim());
}

const { skippedNames } = readReports();
const unexpected = skippedNames.filter((name) => !allowed.has(name));
if (unexpected.length > 0) {
  console.error(`skipped without a reason in ${LIST}:\n${unexpected.map((name) => `  ${name}`).join('\n')}`);
  process.exit(1);
}
const excused = skippedNames.length;
console.log(excused === 0 ? 'skips: none' : `skips: ${excused}, each listed in ${LIST}`);
