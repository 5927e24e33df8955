import type { HostTable } from './host-table';

/**
 * Probes first the targets that answered nothing the last time they were probed. A silent
 * target costs the whole timeout while an answering one costs a round trip: sent first, the
 * silent ones wait out their timeout while the others are still being sent, and a run takes
 * about its sending time plus one timeout's tail instead of the two end to end. Remembered by
 * device id, in this process only; a run over some targets (a re-check, "ping now") updates
 * only those.
 */
export class SilentFirst {
  private readonly silent = new Set<number>();

  /** `members` (host indexes of `table`) with the previously silent ones first, otherwise in order. */
  order(table: HostTable, members: Int32Array): Int32Array {
    if (this.silent.size === 0) return members;
    const ordered = new Int32Array(members.length);
    let front = 0;
    for (const host of members) if (this.silent.has(table.hosts[host]!.target.id)) ordered[front++] = host;
    let back = front;
    for (const host of members) if (!this.silent.has(table.hosts[host]!.target.id)) ordered[back++] = host;
    return ordered;
  }

  /** What this run learned of its members: silent, or answering (or failing for another reason). */
  remember(table: HostTable, members: Int32Array): void {
    for (const host of members) this.silent.delete(table.hosts[host]!.target.id);
    for (const host of table.silent(members)) this.silent.add(table.hosts[host]!.target.id);
  }
}
