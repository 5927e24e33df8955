import type { PingOptions, PingResult, PingTarget } from '../../../shared/contract/pinger';
import { nowMs } from './clock';
import { HostTable } from './host-table';
import { readEchoReplyKey } from './icmp-packet';
import { IcmpSocket } from './icmp-socket';
import { InFlight } from './in-flight';
import { type Lane, Pacer } from './pacer';
import { answerReply, type BatchContext, ProbeBatch } from './probe-batch';
import { ProbeKeys } from './probe-keys';
import { type ResolvedTarget, resolveTargets } from './resolve-targets';
import { SilentFirst } from './silent-first';
import { summarize } from '../../../shared/domain/ping/summarize';
import { TokenBucket } from './token-bucket';

/** A host's echoes are spaced at least this far apart, like `ping -i 0.2`. */
const ROUND_INTERVAL_MS = 200;
/**
 * Probes queued in raw-socket, which shifts its queue one request at a time: a queue of 100,000
 * costs quadratic time, while a couple of thousand keeps the socket busy between pacer ticks.
 */
const MAX_BACKLOG = 2_048;

/**
 * Raw-socket ICMP for every target on one socket per address family. Probes are paced by a
 * global and a per-tower packets-per-second budget and matched to their replies by a 32-bit key
 * in O(1); a bad address or a send error counts against its own target only.
 */
export class RawPinger implements BatchContext {
  readonly inFlight = new InFlight<ProbeBatch>();
  private readonly sockets = new Map<4 | 6, IcmpSocket>();
  private readonly keys = new ProbeKeys();
  private readonly silentFirst = new SilentFirst();

  /** Opens the IPv4 socket at once, so that missing rights show at start, not at the first run. */
  constructor() {
    this.socket(4);
  }

  async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    const resolutions = await resolveTargets(targets);
    const results = new Array<PingResult>(targets.length);
    const hosts: ResolvedTarget[] = [];
    const positions: number[] = [];
    for (const [i, resolution] of resolutions.entries()) {
      if ('error' in resolution) {
        results[i] = summarize(resolution.target.id, 0, [], resolution.error);
      } else {
        hosts.push(resolution);
        positions.push(i);
      }
    }
    const table = new HostTable(hosts, options.count + options.retries);
    const reachable = this.silentFirst.order(table, this.reachable(table));
    await this.probe(table, reachable, options.count, 0, options);
    let members = reachable;
    for (let retry = 0; retry < options.retries; retry++) {
      members = table.silent(members);
      if (members.length === 0) break;
      await this.probe(table, members, 1, options.count + retry, options);
    }
    this.silentFirst.remember(table, reachable);
    positions.forEach((position, host) => (results[position] = table.result(host)));
    return results;
  }

  readonly newKey = (): number => this.keys.draw((key) => this.inFlight.has(key));

  close(): void {
    for (const socket of this.sockets.values()) socket.close();
    this.sockets.clear();
  }

  send(
    packets: Buffer,
    offset: number,
    family: 4 | 6,
    address: string,
    batch: ProbeBatch,
    probe: number,
  ): void {
    const socket = this.sockets.get(family);
    if (socket) socket.send(packets, offset, address, batch, probe);
    else batch.sent(probe, new Error(`no ICMPv${family} socket`));
  }

  private readonly socketsReady = (): boolean => {
    for (const socket of this.sockets.values()) if (socket.backlog >= MAX_BACKLOG) return false;
    return true;
  };

  private socket(family: 4 | 6): IcmpSocket {
    let socket = this.sockets.get(family);
    if (!socket) {
      const opened: IcmpSocket = new IcmpSocket(
        family,
        (packet, bytes, source) => this.receive(packet, bytes, source, family),
        (error) => {
          console.error(`ICMPv${family} socket failed, reopening on the next run: ${error.message}`);
          if (this.sockets.get(family) === opened) this.sockets.delete(family);
        },
      );
      this.sockets.set(family, opened);
      socket = opened;
    }
    return socket;
  }

  /** Hosts whose family has a socket; the others (say, IPv6 disabled in the kernel) get an error. */
  private reachable(table: HostTable): Int32Array {
    const refused = new Map<4 | 6, string | null>();
    for (const family of new Set(table.hosts.map((host) => host.family))) {
      try {
        this.socket(family);
        refused.set(family, null);
      } catch (error) {
        refused.set(family, `cannot open an ICMPv${family} socket: ${(error as Error).message}`);
      }
    }
    const members: number[] = [];
    table.hosts.forEach((host, i) => {
      const reason = refused.get(host.family) ?? null;
      if (reason) table.errors[i] = reason;
      else members.push(i);
    });
    return Int32Array.from(members);
  }

  private receive(packet: Buffer, bytes: number, source: string, family: 4 | 6): void {
    const key = readEchoReplyKey(packet, family, bytes);
    if (key === null) return;
    answerReply(this.inFlight, key, source);
  }

  private async probe(
    table: HostTable,
    members: Int32Array,
    rounds: number,
    firstSlot: number,
    options: PingOptions,
  ): Promise<void> {
    const batch = new ProbeBatch(table, members, rounds, firstSlot, options.timeoutMs, this);
    const now = nowMs();
    const pacer = new Pacer(
      lanesByTower(table, members, rounds, options.ppsPerTower, now),
      new TokenBucket(options.ppsGlobal, now),
      members.length,
      ROUND_INTERVAL_MS,
      batch.launch,
      this.socketsReady,
    );
    pacer.start();
    await batch.done;
    pacer.stop();
  }
}

/** Per tower, its probes round by round; tower-less targets share one lane with no tower budget. */
function lanesByTower(
  table: HostTable,
  members: Int32Array,
  rounds: number,
  ppsPerTower: number,
  now: number,
): Lane[] {
  const byTower = new Map<number | null, number[]>();
  members.forEach((host, member) => {
    const tower = table.hosts[host]!.target.towerId;
    let list = byTower.get(tower);
    if (!list) byTower.set(tower, (list = []));
    list.push(member);
  });
  return [...byTower].map(([tower, towerMembers]) => {
    const probes = new Int32Array(towerMembers.length * rounds);
    for (let round = 0; round < rounds; round++) {
      towerMembers.forEach(
        (member, j) => (probes[round * towerMembers.length + j] = round * members.length + member),
      );
    }
    return { probes, next: 0, bucket: tower === null ? null : new TokenBucket(ppsPerTower, now) };
  });
}
