import { nowMs } from './clock';
import type { HostTable } from './host-table';
import { PACKET_SIZE, writeEchoRequest } from './icmp-packet';
import type { SendClient } from './icmp-socket';
import type { InFlight } from './in-flight';
import { canonicalAddress } from './probe-keys';

/** Where a batch's probes go out and where its in-flight keys are registered. */
export interface BatchContext {
  /** Probe key → its batch and probe, while the probe is in flight: the O(1) reply lookup. */
  inFlight: InFlight<ProbeBatch>;
  /** A random key no probe in flight has. */
  newKey(): number;
  send(
    packets: Buffer,
    offset: number,
    family: 4 | 6,
    address: string,
    batch: ProbeBatch,
    probe: number,
  ): void;
}

/** Expiry checks are batched: a probe may be declared lost up to this much after its deadline. */
const SWEEP_SLACK_MS = 5;

/**
 * One pass of `rounds` echoes to each member host. Probe p is echo floor(p / members) of member
 * p % members, so it needs no per-probe object; it carries a random key, registered from its
 * launch until its answer, failure or expiry. Packets live in one buffer allocated up front; keys,
 * send times and the order of deadlines in typed arrays.
 */
export class ProbeBatch implements SendClient {
  readonly total: number;
  private readonly packets: Buffer;
  private readonly sentAt: Float64Array;
  private readonly keys: Uint32Array;
  /** Probes in the order they left: with one timeout per batch, deadlines come in this order. */
  private readonly leaving: Int32Array;
  private leavingHead = 0;
  private leavingTail = 0;
  private pending: number;
  private timer: NodeJS.Timeout | null = null;
  private finish: () => void = () => undefined;
  readonly done: Promise<void>;

  constructor(
    private readonly table: HostTable,
    private readonly members: Int32Array,
    rounds: number,
    private readonly firstSlot: number,
    private readonly timeoutMs: number,
    private readonly context: BatchContext,
  ) {
    this.total = members.length * rounds;
    this.pending = this.total;
    this.packets = Buffer.allocUnsafe(this.total * PACKET_SIZE);
    this.sentAt = new Float64Array(this.total);
    this.keys = new Uint32Array(this.total);
    this.leaving = new Int32Array(this.total);
    this.done = new Promise((resolve) => (this.finish = resolve));
    if (this.total === 0) this.finish();
  }

  hostOf(probe: number): number {
    return this.members[probe % this.members.length]!;
  }

  /** Writes the probe's echo request and hands it to the family's socket. */
  readonly launch = (probe: number): void => {
    const { address, family } = this.table.hosts[this.hostOf(probe)]!;
    const offset = probe * PACKET_SIZE;
    const key = this.context.newKey();
    this.keys[probe] = key;
    this.context.inFlight.add(key, this, probe);
    writeEchoRequest(this.packets, offset, family, key);
    this.context.send(this.packets, offset, family, address, this, probe);
  };

  sending(probe: number): void {
    this.sentAt[probe] = nowMs();
    this.leaving[this.leavingTail++] = probe;
    if (!this.timer) this.armSweep(this.timeoutMs);
  }

  sent(probe: number, error: Error | null): void {
    const host = this.hostOf(probe);
    if (!error) {
      this.table.sent[host]!++;
      return;
    }
    this.context.inFlight.release(this.keyOf(probe), this);
    const { address } = this.table.hosts[host]!;
    this.table.errors[host] ??= `cannot send to ${address}: ${error.message}`;
    this.settle();
  }

  /**
   * An echo reply for the probe in `entry` of the in-flight table, which this batch owns; it counts
   * only from the probed address (compared in one spelling: IPv6 has several), so a forged reply
   * must also guess the key.
   */
  answer(entry: number, source: string): void {
    const { inFlight } = this.context;
    const probe = inFlight.probe(entry);
    const host = this.hostOf(probe);
    const { address, family } = this.table.hosts[host]!;
    if (family === 4 ? address !== source : canonicalAddress(address) !== canonicalAddress(source)) return;
    inFlight.removeAt(entry);
    const slot = this.firstSlot + Math.floor(probe / this.members.length);
    this.table.record(host, slot, nowMs() - this.sentAt[probe]!);
    this.settle();
  }

  private keyOf(probe: number): number {
    return this.keys[probe]!;
  }

  private settle(): void {
    this.pending--;
    if (this.pending > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.finish();
  }

  private armSweep(delayMs: number): void {
    this.timer = setTimeout(this.sweep, Math.max(SWEEP_SLACK_MS, Math.ceil(delayMs)));
  }

  private readonly sweep = (): void => {
    this.timer = null;
    const now = nowMs();
    while (this.pending > 0 && this.leavingHead < this.leavingTail) {
      const probe = this.leaving[this.leavingHead]!;
      const deadline = this.sentAt[probe]! + this.timeoutMs;
      if (deadline > now) {
        this.armSweep(deadline - now);
        return;
      }
      this.leavingHead++;
      // Answered or failed probes left the table already; one still there is lost.
      if (this.context.inFlight.release(this.keyOf(probe), this)) this.settle();
    }
  };
}

/** Hands an echo reply to the batch whose probe carries `key`, if that probe is still in flight. */
export function answerReply(inFlight: InFlight<ProbeBatch>, key: number, source: string): void {
  const slot = inFlight.find(key);
  if (slot !== -1) inFlight.owner(slot).answer(slot, source);
}
