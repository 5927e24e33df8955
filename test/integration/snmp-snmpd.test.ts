import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnmpOptions, type SnmpTarget } from '../../shared/contract/snmp';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { startSnmpd, snmpdV3User, type RunningSnmpd } from '../helpers/snmpd';

const poller = new SnmpPoller();
const pollTargets = (targets: SnmpTarget[], roundOptions: SnmpOptions) => poller.poll(targets, roundOptions);
const options = SnmpOptions.parse({ timeoutMs: 1_000, retries: 0 });
let snmpd: RunningSnmpd;

beforeAll(async () => {
  snmpd = await startSnmpd();
});
afterAll(() => snmpd?.stop());

const v2c = (community: string): SnmpTarget => ({
  id: 1,
  host: '127.0.0.1',
  port: snmpd.port,
  credentials: { version: '2c', community },
});
const v3 = (authKey: string, privKey = snmpdV3User.privKey): SnmpTarget => ({
  id: 2,
  host: '127.0.0.1',
  port: snmpd.port,
  credentials: {
    version: '3',
    user: snmpdV3User.name,
    level: 'authPriv',
    authProtocol: 'sha',
    authKey,
    privProtocol: 'aes',
    privKey,
    context: '',
  },
});

describe("SNMP poller against Debian's snmpd", () => {
  it('reads the system group and the loopback interface over v2c with 64-bit counters', async () => {
    const [result] = await pollTargets([v2c('public')], options);
    expect(result!.error).toBeNull();
    expect(result!.system?.descr).toMatch(/Linux/);
    expect(result!.system?.vendor).toBe('generic');
    const lo = result!.interfaces.find((row) => row.name === 'lo');
    expect(lo?.operUp).toBe(true);
    const loCounters = result!.counters.find((row) => row.index === lo?.index);
    expect(loCounters?.hc).toBe(true);
    expect(BigInt(loCounters!.inOctets!)).toBeGreaterThan(0n);
  });

  it('reads the same over SNMPv1 (GetNext walk, 32-bit counters)', async () => {
    const [result] = await pollTargets(
      [{ ...v2c('public'), credentials: { version: '1', community: 'public' } }],
      options,
    );
    expect(result!.error).toBeNull();
    expect(result!.interfaces.some((row) => row.name === 'lo')).toBe(true);
    expect(result!.counters.every((row) => !row.hc)).toBe(true);
  });

  it('polls over SNMPv3 authPriv with SHA and AES', async () => {
    const [result] = await pollTargets([v3(snmpdV3User.authKey)], options);
    expect(result!.error).toBeNull();
    expect(result!.interfaces.length).toBeGreaterThan(0);
  });

  it('names the cause of wrong credentials, per device, without crashing', async () => {
    const results = await pollTargets([v3('wrong-auth-key'), v2c('wrong-community'), v2c('public')], options);
    expect(results[0]!.error).toMatch(/SNMPv3 authentication failed .*Wrong Digest/);
    expect(results[1]!.error).toMatch(/no SNMP answer .*wrong community/);
    expect(results[2]!.error).toBeNull();
  });
});
