import type { PingResult } from '../../../shared/contract/pinger';
import type { ResolvedTarget } from './resolve-targets';
import { summarize } from '../../../shared/domain/ping/summarize';

/**
 * What one run learns about its hosts, in flat arrays: per host and echo slot (round, then retry
 * rounds) the RTT or NaN, how many echoes left, and the error that stopped it, if any.
 */
export class HostTable {
  readonly sent: Uint16Array;
  readonly errors: (string | null)[];
  private readonly rtts: Float64Array;

  constructor(
    readonly hosts: ResolvedTarget[],
    private readonly slots: number,
  ) {
    this.sent = new Uint16Array(hosts.length);
    this.errors = new Array<string | null>(hosts.length).fill(null);
    this.rtts = new Float64Array(hosts.length * slots).fill(NaN);
  }

  record(host: number, slot: number, rttMs: number): void {
    this.rtts[host * this.slots + slot] = rttMs;
  }

  /** Hosts that answered none of their echoes and failed for no other reason. */
  silent(members: Int32Array): Int32Array {
    return members.filter((host) => this.errors[host] === null && !this.answered(host));
  }

  result(host: number): PingResult {
    const rtts: number[] = [];
    for (let slot = 0; slot < this.slots; slot++) {
      const rtt = this.rtts[host * this.slots + slot]!;
      if (!Number.isNaN(rtt)) rtts.push(rtt);
    }
    return summarize(this.hosts[host]!.target.id, this.sent[host]!, rtts, this.errors[host]);
  }

  private answered(host: number): boolean {
    for (let slot = 0; slot < this.slots; slot++) {
      if (!Number.isNaN(this.rtts[host * this.slots + slot]!)) return true;
    }
    return false;
  }
}
