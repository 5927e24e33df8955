import type { SnmpOptions, SnmpPollResult, SnmpTarget } from '../../../shared/contract/snmp';
import { discover, type Discovery } from './discover';
import { describeSnmpError } from './errors';
import { readCounters } from './read-counters';
import { openSession } from './session';
import { wirelessReaders } from './wireless';

interface Known {
  /** Host, port and credentials the discovery was made with: any change means a new device. */
  key: string;
  discovery: Discovery;
  uptimeCs: number | null;
}

const sameIndexes = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((index, i) => index === b[i]);

/**
 * Polls devices round after round. What a device is (system group, interface names, speeds) is
 * read at first contact and again when it changes — new or removed interfaces, a reboot, or after
 * `rediscoverMs` — so that a steady round reads only uptime, states and counters.
 */
export class SnmpPoller {
  private readonly known = new Map<number, Known>();

  constructor(private readonly rediscoverMs = 60 * 60_000) {}

  /** One full round over every target, at most `concurrency` devices in flight; never throws for one device. */
  async poll(targets: SnmpTarget[], options: SnmpOptions): Promise<SnmpPollResult[]> {
    const results: SnmpPollResult[] = new Array(targets.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < targets.length) {
        const i = next++;
        results[i] = await this.pollOne(targets[i]!, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, targets.length) }, lane));
    const polled = new Set(targets.map((target) => target.id));
    for (const id of this.known.keys()) if (!polled.has(id)) this.known.delete(id);
    return results;
  }

  private async pollOne(target: SnmpTarget, options: SnmpOptions): Promise<SnmpPollResult> {
    const at = Date.now();
    const key = `${target.host}:${target.port}:${JSON.stringify(target.credentials)}`;
    let socketError: Error | null = null;
    const session = openSession(target, options, (error) => {
      socketError = error;
    });
    try {
      let known = this.known.get(target.id);
      let discovered = false;
      if (!known || known.key !== key || at - known.discovery.at > this.rediscoverMs) {
        known = { key, discovery: await discover(session, target, options, at), uptimeCs: null };
        discovered = true;
      }
      const read = await readCounters(
        session,
        target,
        options,
        known.discovery.hc,
        known.discovery.interfaces.length,
      );
      const rebooted = known.uptimeCs !== null && read.uptimeCs !== null && read.uptimeCs < known.uptimeCs;
      const changed = !sameIndexes(
        read.counters.map((row) => row.index),
        known.discovery.interfaces.map((row) => row.index),
      );
      if (!discovered && (rebooted || changed)) {
        known = { key, discovery: await discover(session, target, options, at), uptimeCs: null };
        discovered = true;
      }
      known.uptimeCs = read.uptimeCs;
      this.known.set(target.id, known);

      const { system } = known.discovery;
      const readWireless =
        system.vendor === 'mikrotik' || system.vendor === 'ubiquiti-airmax'
          ? wirelessReaders[system.vendor]
          : null;
      const operUp = new Map(read.counters.map((row) => [row.index, row.operUp]));
      return {
        id: target.id,
        at,
        error: null,
        uptimeCs: read.uptimeCs,
        system,
        discovered,
        interfaces: known.discovery.interfaces.map((row) => ({
          ...row,
          operUp: operUp.get(row.index) ?? row.operUp,
        })),
        counters: read.counters,
        wireless: readWireless
          ? await readWireless(session, target.credentials.version === '1', options.maxRepetitions)
          : null,
      };
    } catch (error) {
      return {
        id: target.id,
        at,
        error: describeSnmpError(socketError ?? error, target, options),
        uptimeCs: null,
        system: null,
        discovered: false,
        interfaces: [],
        counters: [],
        wireless: null,
      };
    } finally {
      session.close();
    }
  }
}
