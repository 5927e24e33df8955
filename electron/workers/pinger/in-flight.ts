const EMPTY = -1;
const INITIAL_BITS = 12;

/**
 * The probes in flight, by their 32-bit key: the owner (a batch) and the probe's number in it.
 * Open addressing in typed arrays, at most half full: a JavaScript Map of 300,000 number keys —
 * one cycle of 100,000 targets × 3 echoes — hashes, allocates and rehashes on every insert and
 * delete, and that was the pinger's largest cost after the system calls. Deletion shifts the
 * entries after the hole back (no tombstones), so lookups stay short however many probes came
 * and went. A slot is valid until the next change to the table.
 */
export class InFlight<Owner> {
  private bits = INITIAL_BITS;
  private keys = new Uint32Array(1 << INITIAL_BITS);
  /** The probe of each slot, EMPTY where none is: probes are numbered from 0. */
  private probes = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
  private owners = new Array<Owner | undefined>(1 << INITIAL_BITS);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: number): boolean {
    return this.find(key) !== EMPTY;
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    const mask = this.probes.length - 1;
    for (let slot = this.home(key); ; slot = (slot + 1) & mask) {
      if (this.probes[slot] === EMPTY) return EMPTY;
      if (this.keys[slot] === key) return slot;
    }
  }

  owner(slot: number): Owner {
    return this.owners[slot]!;
  }

  probe(slot: number): number {
    return this.probes[slot]!;
  }

  /** Registers a key no probe in flight has (see ProbeKeys.draw). */
  add(key: number, owner: Owner, probe: number): void {
    if ((this.count + 1) * 2 > this.probes.length) this.grow();
    this.place(key, owner, probe);
    this.count++;
  }

  /** Removes `key` if `owner` holds it; whether it did. */
  release(key: number, owner: Owner): boolean {
    const slot = this.find(key);
    if (slot === EMPTY || this.owners[slot] !== owner) return false;
    this.removeAt(slot);
    return true;
  }

  removeAt(slot: number): void {
    const mask = this.probes.length - 1;
    let hole = slot;
    // Entries after the hole that would no longer be found past it move back into it.
    for (let next = (hole + 1) & mask; this.probes[next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.home(this.keys[next]!);
      const reachable = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (reachable) continue;
      this.keys[hole] = this.keys[next]!;
      this.probes[hole] = this.probes[next]!;
      this.owners[hole] = this.owners[next];
      hole = next;
    }
    this.probes[hole] = EMPTY;
    this.owners[hole] = undefined;
    this.count--;
  }

  /** Fibonacci hashing: keys are random, but a hash keeps a run of similar ones apart too. */
  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private place(key: number, owner: Owner, probe: number): void {
    const mask = this.probes.length - 1;
    let slot = this.home(key);
    while (this.probes[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.probes[slot] = probe;
    this.owners[slot] = owner;
  }

  private grow(): void {
    const { keys, probes, owners } = this;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.probes = new Int32Array(1 << this.bits).fill(EMPTY);
    this.owners = new Array<Owner | undefined>(1 << this.bits);
    for (let slot = 0; slot < probes.length; slot++)
      if (probes[slot] !== EMPTY) this.place(keys[slot]!, owners[slot]!, probes[slot]!);
  }
}
