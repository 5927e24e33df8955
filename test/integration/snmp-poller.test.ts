import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnmpOptions, type SnmpTarget } from '../../shared/contract/snmp';
import { computeRates } from '../../shared/domain/snmp/counters';
import { SnmpPoller } from '../../electron/workers/snmp/poller';
import { startSimulatedAgent, type SimulatedAgent } from '../helpers/snmp-agents';

const poller = new SnmpPoller();
const pollTargets = (targets: SnmpTarget[], roundOptions: SnmpOptions) => poller.poll(targets, roundOptions);
const options = SnmpOptions.parse({ timeoutMs: 400, retries: 0 });
const basePort = 20_000 + Math.floor(Math.random() * 20_000);
let nextPort = basePort;
const agents: SimulatedAgent[] = [];

function agent(
  vendor: 'mikrotik' | 'airmax' | 'generic',
  extra: Partial<Parameters<typeof startSimulatedAgent>[0]> = {},
) {
  const port = nextPort++;
  const started = startSimulatedAgent({ address: '127.0.0.1', port, vendor, interfaces: 4, ...extra });
  agents.push(started);
  return { port, agent: started };
}

function v2cTarget(id: number, port: number, community = 'public'): SnmpTarget {
  return { id, host: '127.0.0.1', port, credentials: { version: '2c', community } };
}

async function pollOne(target: SnmpTarget) {
  const [result] = await pollTargets([target], options);
  return result!;
}

afterAll(async () => {
  await Promise.all(agents.map((started) => started.close()));
});

describe('SNMP poller against simulated vendor agents', () => {
  it('reads a MikroTik AP: system, vendor, interfaces, 64-bit counters and its registration table', async () => {
    const { port, agent: mikrotik } = agent('mikrotik', { clients: 5 });
    mikrotik.setOctets(2, 123_456_789_012n, 98_765n);
    const result = await pollOne(v2cTarget(1, port));
    expect(result.error).toBeNull();
    expect(result.system).toMatchObject({ vendor: 'mikrotik', descr: 'RouterOS RB4011iGS+' });
    expect(result.interfaces.map((row) => row.name)).toEqual(['ether1', 'ether2', 'ether3', 'ether4']);
    expect(result.interfaces[0]).toMatchObject({ speedMbps: 1000, operUp: true, alias: 'uplink 1' });
    expect(result.counters.find((row) => row.index === 2)).toMatchObject({
      hc: true,
      inOctets: '123456789012',
      outOctets: '98765',
    });
    expect(result.wireless).toMatchObject({
      kind: 'mikrotik',
      clientCount: 5,
      ccqPct: 87,
      noiseFloorDbm: -105,
    });
    expect(result.wireless!.clients).toHaveLength(5);
    expect(result.wireless!.clients[0]).toMatchObject({ signalDbm: -61, txRateMbps: 130, rxRateMbps: 117 });
    expect(result.uptimeCs).not.toBeNull();
  });

  it('reads an airMAX station: signal, noise, CCQ, capacity and rates', async () => {
    const { port } = agent('airmax');
    const result = await pollOne(v2cTarget(2, port));
    expect(result.error).toBeNull();
    expect(result.system?.vendor).toBe('ubiquiti-airmax');
    expect(result.wireless).toMatchObject({
      kind: 'airmax',
      signalDbm: -71,
      noiseFloorDbm: -96,
      ccqPct: 92,
      capacityPct: 78,
      txRateMbps: 300,
      rxRateMbps: 270,
    });
  });

  it('falls back to 32-bit counters and computes the rate across a wrap', async () => {
    const { port, agent: old } = agent('generic', { only32bit: true });
    const nearTop = 2n ** 32n - 1_000n;
    old.setOctets(1, nearTop, 0n);
    const before = await pollOne(v2cTarget(3, port));
    expect(before.counters[0]).toMatchObject({ hc: false, inOctets: nearTop.toString() });
    old.setOctets(1, nearTop + 126_000n, 0n);
    const after = await pollOne(v2cTarget(3, port));
    expect(BigInt(after.counters[0]!.inOctets!)).toBeLessThan(nearTop);
    const outcome = computeRates(
      { ...before, at: 0 },
      { ...after, at: 1_000 },
      new Map(after.interfaces.map((row) => [row.index, row.speedMbps])),
    );
    expect(outcome.kind).toBe('rates');
    if (outcome.kind === 'rates') expect(outcome.rates[0]!.inBps).toBe(126_000 * 8);
  });

  it('treats a reboot (sysUpTime going back) as a reset, not a spike', async () => {
    const { port, agent: rebooting } = agent('generic');
    rebooting.setOctets(1, 5_000_000_000n, 0n);
    // Up for at least one tick, so that the reboot can show as its uptime going back.
    let before = await pollOne(v2cTarget(4, port));
    while (!(before.uptimeCs! > 0)) before = await pollOne(v2cTarget(4, port));
    rebooting.reboot();
    const after = await pollOne(v2cTarget(4, port));
    expect(after.uptimeCs!).toBeLessThan(before.uptimeCs!);
    expect(computeRates(before, { ...after, at: before.at + 60_000 }, new Map())).toEqual({
      kind: 'reset',
      reason: 'reboot',
    });
  });

  it('reports interface state changes', async () => {
    const { port, agent: switching } = agent('generic');
    switching.setOperUp(3, false);
    const result = await pollOne(v2cTarget(5, port));
    expect(result.interfaces.find((row) => row.index === 3)?.operUp).toBe(false);
  });

  it('gives a clear per-device error for a wrong community and an agent that stopped answering', async () => {
    const { port: live } = agent('generic');
    const { port: dying, agent: stopping } = agent('generic');
    expect((await pollOne(v2cTarget(7, dying))).error).toBeNull();
    await stopping.close();
    const results = await pollTargets(
      [v2cTarget(6, live, 'wrong'), v2cTarget(7, dying), v2cTarget(8, live)],
      options,
    );
    expect(results[0]!.error).toMatch(/no SNMP answer from 127\.0\.0\.1:\d+.*wrong community/);
    expect(results[1]!.error).toMatch(/no SNMP answer/);
    expect(results[2]!.error).toBeNull();
  });

  describe('SNMPv3 authPriv (SHA + AES)', () => {
    let port: number;
    beforeAll(() => {
      port = agent('mikrotik', {
        v3User: { name: 'vigia', authKey: 'auth-secret-1', privKey: 'priv-secret-1' },
      }).port;
    });
    const v3 = (authKey: string, user = 'vigia'): SnmpTarget => ({
      id: 9,
      host: '127.0.0.1',
      port,
      credentials: {
        version: '3',
        user,
        level: 'authPriv',
        authProtocol: 'sha',
        authKey,
        privProtocol: 'aes',
        privKey: 'priv-secret-1',
        context: '',
      },
    });

    it('polls with the right credentials', async () => {
      const result = await pollOne(v3('auth-secret-1'));
      expect(result.error).toBeNull();
      expect(result.system?.vendor).toBe('mikrotik');
    });
  });

  describe('malformed and truncated answers', () => {
    let liar: Socket;
    let liarPort: number;
    beforeAll(async () => {
      liar = createSocket('udp4');
      let n = 0;
      liar.on('message', (message, rinfo) => {
        n++;
        // Alternate plain garbage with a truncated copy of a well-formed BER sequence.
        const reply =
          n % 2 === 0
            ? Buffer.from('this is not BER at all')
            : message.subarray(0, Math.floor(message.length / 2));
        liar.send(reply, rinfo.port, rinfo.address);
      });
      await new Promise<void>((resolve) => liar.bind(0, '127.0.0.1', resolve));
      liarPort = liar.address().port;
    });
    afterAll(() => liar.close());

    it('reports an error for that device, keeps polling the others and does not crash', async () => {
      const { port: healthy } = agent('generic');
      const results = await pollTargets(
        [v2cTarget(10, liarPort), v2cTarget(11, healthy), v2cTarget(12, liarPort)],
        options,
      );
      expect(results[0]!.error).toMatch(/127\.0\.0\.1/);
      expect(results[2]!.error).toMatch(/127\.0\.0\.1/);
      expect(results[1]!.error).toBeNull();
      expect(results[1]!.interfaces).toHaveLength(4);
    });
  });
});
