import { performance } from 'node:perf_hooks';
import * as raw from 'raw-socket';
import type { PingOptions, PingResult, PingTarget } from '../../../shared/contract/pinger';
import { PACKET_SIZE, readEchoReplyKey, writeEchoRequest } from './icmp-packet';
import { resolveTargets, type ResolvedTarget } from './resolve-targets';
import { summarize } from './stats';
import { TokenBucket } from './token-bucket';

interface Host {
  resolved: ResolvedTarget;
  rtts: number[];
  sent: number;
  error: string | null;
}

interface Probe {
  key: number;
  host: Host;
  run: Run;
  sentAt: number;
  deadline: number;
}

interface Run {
  pending: number;
  done: () => void;
}

const RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
const SWEEP_MS = 10;
const NO_TOWER = -1;

/**
 * Raw-socket ICMP for every target on one socket per address family. Probes are paced by a
 * global and a per-tower packets-per-second budget, matched to their replies by a 32-bit key in
 * O(1), and expire by their own deadline; a send error or a bad address counts against its host
 * only.
 */
export class RawPinger {
  private readonly sockets = new Map<4 | 6, raw.Socket>();
  private readonly inFlight = new Map<number, Probe>();
  /** Probes in the order they left, so the oldest deadline is always at the head. */
  private timeline: Probe[] = [];
  private timelineHead = 0;
  private sweeper: NodeJS.Timeout | null = null;
  private nextKey = (Math.random() * 0xffffffff) >>> 0;
  /** Runs not finished yet: the sweeper must live as long as any, even between two sends. */
  private activeRuns = 0;

  /** Opens the IPv4 socket at once, so that missing privileges show at start, not at first use. */
  constructor() {
    this.socket(4);
  }

  async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    const { resolved, rejected } = await resolveTargets(targets);
    const hosts = resolved.map((target): Host => ({ resolved: target, rtts: [], sent: 0, error: null }));
    await this.probe(hosts, options.count, options);
    for (let retry = 0; retry < options.retries; retry++) {
      const silent = hosts.filter((host) => host.rtts.length === 0 && host.error === null);
      if (silent.length === 0) break;
      await this.probe(silent, 1, options);
    }
    const byId = new Map<number, PingResult>();
    for (const host of hosts)
      byId.set(host.resolved.target.id, summarize(host.resolved.target.id, host.sent, host.rtts, host.error));
    for (const { id, error } of rejected) byId.set(id, summarize(id, 0, [], error));
    return targets.map((target) => byId.get(target.id)!);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const socket of this.sockets.values()) socket.close();
    this.sockets.clear();
  }

  private socket(family: 4 | 6): raw.Socket {
    const existing = this.sockets.get(family);
    if (existing) return existing;
    const socket = raw.createSocket({
      addressFamily: family === 4 ? raw.AddressFamily.IPv4 : raw.AddressFamily.IPv6,
      protocol: family === 4 ? raw.Protocol.ICMP : raw.Protocol.ICMPv6,
      bufferSize: 1500,
    });
    socket.setOption(raw.SocketLevel.SOL_SOCKET, raw.SocketOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
    socket.on('message', (packet, source) => this.receive(packet, source, family));
    // An error on the socket fails nothing by itself: probes in flight simply time out.
    socket.on('error', (error) => console.error(`ICMPv${family} socket error: ${error.message}`));
    this.sockets.set(family, socket);
    return socket;
  }

  private receive(packet: Buffer, source: string, family: 4 | 6): void {
    const key = readEchoReplyKey(packet, family);
    if (key === null) return;
    const probe = this.inFlight.get(key);
    // Other programs' pings reach this socket too: a key of ours from the wrong host is not ours.
    if (!probe || (family === 4 && probe.host.resolved.address !== source)) return;
    this.inFlight.delete(key);
    probe.host.rtts.push(performance.now() - probe.sentAt);
    this.settle(probe.run);
  }

  private settle(run: Run): void {
    run.pending--;
    if (run.pending === 0) {
      this.activeRuns--;
      run.done();
    }
  }

  private probe(hosts: Host[], count: number, options: PingOptions): Promise<void> {
    if (hosts.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const run: Run = { pending: hosts.length * count, done: resolve };
      this.activeRuns++;
      const queues = this.queuesByTower(hosts, count);
      const start = performance.now();
      const global = new TokenBucket(options.ppsGlobal, start);
      const towerBuckets = new Map<number, TokenBucket>();
      const bucketOf = (tower: number): TokenBucket | null => {
        if (tower === NO_TOWER) return null;
        let bucket = towerBuckets.get(tower);
        if (!bucket) towerBuckets.set(tower, (bucket = new TokenBucket(options.ppsPerTower, start)));
        return bucket;
      };
      this.startSweeper();

      const pump = (): void => {
        const now = performance.now();
        let waitMs = Infinity;
        let progressed = true;
        while (progressed && queues.size > 0) {
          progressed = false;
          for (const [tower, queue] of queues) {
            if (!global.take(now)) {
              waitMs = Math.min(waitMs, global.waitMs());
              progressed = false;
              break;
            }
            const bucket = bucketOf(tower);
            if (bucket && !bucket.take(now)) {
              // The global token was taken for nothing; give the tick back to the other towers.
              waitMs = Math.min(waitMs, bucket.waitMs());
              continue;
            }
            this.send(queue.hosts[queue.next++]!, run, options.timeoutMs);
            if (queue.next === queue.hosts.length) queues.delete(tower);
            progressed = true;
          }
        }
        if (queues.size > 0) setTimeout(pump, Math.max(1, Math.ceil(waitMs === Infinity ? 1 : waitMs)));
      };
      pump();
    });
  }

  /** Per tower, the hosts in sending order: a whole round before a host's next echo. */
  private queuesByTower(hosts: Host[], count: number): Map<number, { hosts: Host[]; next: number }> {
    const queues = new Map<number, { hosts: Host[]; next: number }>();
    for (let round = 0; round < count; round++) {
      for (const host of hosts) {
        const tower = host.resolved.target.towerId ?? NO_TOWER;
        let queue = queues.get(tower);
        if (!queue) queues.set(tower, (queue = { hosts: [], next: 0 }));
        queue.hosts.push(host);
      }
    }
    return queues;
  }

  private send(host: Host, run: Run, timeoutMs: number): void {
    const { address, family } = host.resolved;
    let socket: raw.Socket;
    try {
      socket = this.socket(family);
    } catch (error) {
      host.error = `cannot open an ICMPv${family} socket: ${(error as Error).message}`;
      this.settle(run);
      return;
    }
    const key = this.nextKey;
    this.nextKey = (this.nextKey + 1) >>> 0;
    const buffer = Buffer.allocUnsafe(PACKET_SIZE);
    writeEchoRequest(buffer, family, key);
    const probe: Probe = { key, host, run, sentAt: 0, deadline: Infinity };
    host.sent++;
    socket.send(
      buffer,
      0,
      PACKET_SIZE,
      address,
      () => {
        probe.sentAt = performance.now();
        probe.deadline = probe.sentAt + timeoutMs;
        this.inFlight.set(key, probe);
        this.timeline.push(probe);
      },
      (error) => {
        if (!error) return;
        const sent = probe.deadline !== Infinity;
        // Already expired (or answered): the probe is settled, only the reason is worth keeping.
        if (sent && this.inFlight.get(key) !== probe) return;
        this.inFlight.delete(key);
        host.error = `cannot send to ${address}: ${error.message}`;
        probe.deadline = -1;
        this.settle(run);
      },
    );
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.expire(), SWEEP_MS);
  }

  private expire(): void {
    const now = performance.now();
    while (this.timelineHead < this.timeline.length) {
      const probe = this.timeline[this.timelineHead]!;
      if (probe.deadline > now) break;
      this.timelineHead++;
      // Answered probes left the map already; what is still there was lost.
      if (probe.deadline >= 0 && this.inFlight.get(probe.key) === probe) {
        this.inFlight.delete(probe.key);
        this.settle(probe.run);
      }
    }
    if (this.timelineHead > 4096 && this.timelineHead * 2 > this.timeline.length) {
      this.timeline = this.timeline.slice(this.timelineHead);
      this.timelineHead = 0;
    }
    if (this.activeRuns === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }
}
