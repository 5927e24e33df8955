import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import snmp from 'net-snmp';

const SNMPD = '/usr/sbin/snmpd';
const READY_TIMEOUT_MS = 15_000;
const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';

/** Whether an SNMP GET of sysUpTime on this port is answered (one try, 200 ms timeout). */
function answers(port: number): Promise<boolean> {
  const session = snmp.createSession('127.0.0.1', 'public', { port, timeout: 200, retries: 0 });
  return new Promise((resolve) => {
    session.on('error', () => undefined);
    session.get([SYS_UPTIME], (error) => {
      session.close();
      resolve(!error);
    });
  });
}

export const snmpdV3User = { name: 'vigia', authKey: 'auth-pass-123', privKey: 'priv-pass-123' };

export interface RunningSnmpd {
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's real snmpd on 127.0.0.1, with a community and an SNMPv3 authPriv user, its state kept
 * in a temporary folder. Fails loudly when snmpd is missing: on CI a skipped real-peer suite is a
 * failure.
 */
export async function startSnmpd(): Promise<RunningSnmpd> {
  if (!existsSync(SNMPD))
    throw new Error(`${SNMPD} not found: install Debian's snmpd (apt-get install snmpd)`);
  const dir = await mkdtemp(join(tmpdir(), 'vigia-snmpd-'));
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const config = join(dir, 'snmpd.conf');
  await writeFile(
    config,
    [
      `agentaddress udp:127.0.0.1:${port}`,
      'rocommunity public 127.0.0.1',
      `createUser ${snmpdV3User.name} SHA "${snmpdV3User.authKey}" AES "${snmpdV3User.privKey}"`,
      `rouser ${snmpdV3User.name} priv`,
      '',
    ].join('\n'),
  );
  const child = spawn(SNMPD, ['-f', '-Lo', '-C', '-c', config, '-p', join(dir, 'snmpd.pid')], {
    env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '', MIBDIRS: dir },
    stdio: 'ignore',
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  // snmpd has no readiness signal on stdout we can rely on: ready is when it answers a GET.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(port))) {
    if (exited) throw new Error('snmpd exited at start: see its configuration in ' + config);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`snmpd did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS} ms`);
    }
  }
  return {
    port,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
