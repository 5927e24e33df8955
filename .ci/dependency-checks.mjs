// Dependency checks for CI (issue 16): prints the production dependencies that have newer releases
// (the parsers of untrusted input flagged), and runs `npm audit --omit=dev`, failing on a high or
// critical advisory — but only when the registry's audit endpoint answers: where it refuses (as on
// machines behind a registry mirror without it), the step says so and does not fail.
import { spawnSync } from 'node:child_process';

/** Parse what the network, devices or operators hand us: these must stay on current releases. */
const UNTRUSTED_INPUT_PARSERS = new Set(['ssh2', 'net-snmp', 'ws', 'papaparse', 'selfsigned']);

function npmJson(args) {
  const run = spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(run.stdout || '{}');
  } catch {
    return { error: { summary: (run.stderr || run.stdout || 'no answer').trim().split('\n')[0] } };
  }
}

const outdated = npmJson(['outdated', '--json', '--long']);
const production = Object.entries(outdated).filter(
  ([name, info]) => info?.type === 'dependencies' || UNTRUSTED_INPUT_PARSERS.has(name),
);
if (outdated.error) console.log(`deps: npm outdated did not answer (${outdated.error.summary ?? 'error'})`);
else if (production.length === 0) console.log('deps: every production dependency is on its latest release');
else
  for (const [name, info] of production)
    console.log(
      `deps: ${UNTRUSTED_INPUT_PARSERS.has(name) ? 'UPDATE (parses untrusted input) ' : ''}${name} ${info.current ?? '—'} → wanted ${info.wanted}, latest ${info.latest}`,
    );

const audit = npmJson(['audit', '--omit=dev', '--json']);
const counts = audit.metadata?.vulnerabilities;
if (!counts) {
  const reason = audit.message ?? audit.error?.summary ?? 'no report';
  console.log(`deps: npm audit skipped — the registry's audit endpoint did not answer (${reason})`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `deps: npm audit (production): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
for (const [name, entry] of Object.entries(audit.vulnerabilities ?? {}))
  if (entry.severity === 'high' || entry.severity === 'critical')
    console.log(
      `deps:   ${entry.severity} ${name} ${entry.range ?? ''} (fix: ${entry.fixAvailable ? 'available' : 'none yet'})`,
    );
process.exit(serious > 0 ? 1 : 0);
