// npm run bench:snmp — one full SNMP round over 1,000 simulated agents (10 interfaces each, on
// 127.20.x.y:161, in a process of their own): Vigia's poller vs the cron-script alternative,
// net-snmp's C `snmpbulkget` fanned out 100 at a time, asking the same OIDs. The speedup is given
// only when every agent answered both; Vigia's first (cold, discovering) round is reported beside
// its steady one. Prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ifColumns, system } from '../../electron/workers/snmp/oids';
import { benchAgentAddress } from './snmp-targets';

const AGENTS = 1000;
const INTERFACES = 10;
const tsx = ['--import', 'tsx'];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

async function startAgents(): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    [...tsx, 'test/bench/snmp-agents-process.ts', String(AGENTS), String(INTERFACES)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`agents exited early (${code})`)));
  });
  return () =>
    new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

async function cliRound(): Promise<{ wall_s: number; answered: number }> {
  const persistent = mkdtempSync(join(tmpdir(), 'vigia-bench-snmp-'));
  // The same values as Vigia's steady round: sysUpTime, then per interface its state, HC octets,
  // errors and discards.
  const columns = [
    ifColumns.ifOperStatus,
    ifColumns.ifInErrors,
    ifColumns.ifOutErrors,
    ifColumns.ifInDiscards,
    ifColumns.ifOutDiscards,
    ifColumns.ifHCInOctets,
    ifColumns.ifHCOutOctets,
  ];
  const script = `xargs -P 100 -I{} snmpbulkget -v2c -c public -On -Cn1 -Cr${INTERFACES} -t 2 -r 1 {} ${system.sysUpTime.replace(/\.0$/, '')} ${columns.join(' ')}`;
  const addresses = Array.from({ length: AGENTS }, (_, i) => benchAgentAddress(i)).join('\n');
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: { ...process.env, SNMP_PERSISTENT_DIR: persistent, MIBS: '', MIBDIRS: persistent },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(out));
    child.stdin.end(addresses);
  });
  const wall = (performance.now() - started) / 1000;
  rmSync(persistent, { recursive: true, force: true });
  const answered = output.split('\n').filter((line) => line.startsWith('.1.3.6.1.2.1.1.3.0')).length;
  return { wall_s: Number(wall.toFixed(3)), answered };
}

async function main(): Promise<void> {
  const stopAgents = await startAgents();
  try {
    // A first, unmeasured round warms both sides (JIT, ARP-free loopback, agent caches).
    await run(process.execPath, [...tsx, 'test/bench/snmp-poller-process.ts', '50']);
    const vigia = JSON.parse(
      await run(process.execPath, [...tsx, 'test/bench/snmp-poller-process.ts', String(AGENTS)]),
    ) as { wall_s: number; ok: number; discovery_wall_s: number };
    const cli = await cliRound();
    // A speedup over a round that did not reach every agent would compare unequal work.
    const complete = cli.answered === AGENTS && vigia.ok === AGENTS;
    const ratio = (vigiaWallS: number) => (complete ? Number((cli.wall_s / vigiaWallS).toFixed(2)) : null);
    process.stdout.write(
      JSON.stringify({
        agents: AGENTS,
        interfaces: INTERFACES,
        vigia,
        cli,
        complete,
        // The steady round (sessions and discovery kept) against the CLI's whole processes.
        speedup: ratio(vigia.wall_s),
        // Vigia's first round in a fresh process: every device discovered, nothing known yet.
        cold_round_wall_s: vigia.discovery_wall_s,
        cold_speedup: ratio(vigia.discovery_wall_s),
      }) + '\n',
    );
    if (!complete)
      throw new Error(`incomplete rounds: CLI answered ${cli.answered}, Vigia ${vigia.ok} of ${AGENTS}`);
  } finally {
    await stopAgents();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
