import type { SnmpOptions, SnmpPollResult, SnmpTarget } from '../../../shared/contract/snmp';
import { discover, type Discovery } from './discover';
import { inLanes } from './lanes';
import { describeSnmpError } from './errors';
import { readCounters } from './read-counters';
import type * as snmp from 'net-snmp';
import { openSession } from './session';
import { wirelessReaders } from './wireless';

/** A device's session, kept between rounds; `socketError` is what its socket reported this round. */
interface Pooled {
  key: string;
  session: snmp.Session;
  socketError: Error | null;
  busy: boolean;
}

interface Known {
  /** Host, port and credentials the discovery was made with: any change means a new device. */
  key: string;
  discovery: Discovery;
  uptimeCs: number | null;
  /** Counter columns this agent refused outright: not asked again until the next discovery. */
  skip: Set<string>;
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
  private readonly sessions = new Map<number, Pooled>();
  private readonly lastPolled = new Map<number, number>();

  constructor(private readonly rediscoverMs = 60 * 60_000) {}

  /** One full round over every target, at most `concurrency` devices in flight; never throws for one device. */
  async poll(targets: SnmpTarget[], options: SnmpOptions): Promise<SnmpPollResult[]> {
    const results = await inLanes(targets, options.concurrency, (target) => this.pollOne(target, options));
    // A device not polled for a while left the monitoring; a one-device "test" poll in between
    // rounds must not make every other device rediscover or reopen its socket.
    const now = Date.now();
    for (const target of targets) this.lastPolled.set(target.id, now);
    for (const [id, at] of this.lastPolled) {
      if (now - at <= this.rediscoverMs) continue;
      this.lastPolled.delete(id);
      this.known.delete(id);
      this.dropSession(id);
    }
    return results;
  }

  /** Closes every kept session (their sockets). */
  close(): void {
    for (const id of [...this.sessions.keys()]) this.dropSession(id);
  }

  /**
   * The device's session from the last round when its address, credentials and timing are the
   * same: a round then costs no socket set-up and tear-down per device. A failed poll drops it, so
   * the next one starts on a fresh socket. A device polled twice at once (a "test" during a round)
   * gets a session of its own for the second poll.
   */
  private acquire(
    target: SnmpTarget,
    options: SnmpOptions,
  ): { pooled: Pooled; release(failed: boolean): void } {
    const key = `${target.host}:${target.port}:${JSON.stringify(target.credentials)}:${options.timeoutMs}:${options.retries}`;
    const kept = this.sessions.get(target.id);
    if (kept?.busy) {
      const apart = this.open(target, options, key);
      return { pooled: apart, release: () => apart.session.close() };
    }
    let pooled = kept;
    if (!pooled || pooled.key !== key) {
      if (pooled) this.dropSession(target.id);
      pooled = this.open(target, options, key);
      this.sessions.set(target.id, pooled);
    }
    const inUse = pooled;
    inUse.busy = true;
    inUse.socketError = null;
    return {
      pooled: inUse,
      release: (failed) => {
        inUse.busy = false;
        if (failed && this.sessions.get(target.id) === inUse) this.dropSession(target.id);
      },
    };
  }

  private open(target: SnmpTarget, options: SnmpOptions, key: string): Pooled {
    const pooled: Pooled = { key, session: null as unknown as snmp.Session, socketError: null, busy: false };
    pooled.session = openSession(target, options, (error) => {
      pooled.socketError = error;
    });
    return pooled;
  }

  private dropSession(id: number): void {
    const pooled = this.sessions.get(id);
    this.sessions.delete(id);
    pooled?.session.close();
  }

  private async pollOne(target: SnmpTarget, options: SnmpOptions): Promise<SnmpPollResult> {
    const at = Date.now();
    const key = `${target.host}:${target.port}:${JSON.stringify(target.credentials)}`;
    const { pooled, release } = this.acquire(target, options);
    const { session } = pooled;
    let failed = false;
    try {
      const rediscover = async (): Promise<Known> => ({
        key,
        discovery: await discover(session, target, options, at),
        uptimeCs: null,
        skip: new Set(),
      });
      let known = this.known.get(target.id);
      let discovered = false;
      if (!known || known.key !== key || at - known.discovery.at > this.rediscoverMs) {
        known = await rediscover();
        discovered = true;
      }
      const read = await readCounters(
        session,
        target,
        options,
        known.discovery.hc,
        known.discovery.interfaces.length,
        known.skip,
      );
      for (const column of read.refused) known.skip.add(column);
      const rebooted = known.uptimeCs !== null && read.uptimeCs !== null && read.uptimeCs < known.uptimeCs;
      const changed = !sameIndexes(
        read.counters.map((row) => row.index),
        known.discovery.interfaces.map((row) => row.index),
      );
      if (!discovered && (rebooted || changed)) {
        known = await rediscover();
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
      const wireless = readWireless
        ? await readWireless(session, target.credentials.version === '1', options.maxRepetitions)
        : null;
      const missing = [...known.discovery.missing, ...read.missing];
      if (readWireless && !wireless) missing.push('wireless');
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
        wireless,
        missing,
      };
    } catch (error) {
      failed = true;
      return {
        id: target.id,
        at,
        error: describeSnmpError(pooled.socketError ?? error, target, options),
        uptimeCs: null,
        system: null,
        discovered: false,
        interfaces: [],
        counters: [],
        wireless: null,
        missing: [],
      };
    } finally {
      release(failed);
    }
  }
}
