import type { TrapLogEntry } from '../../../shared/contract/traps';

/**
 * The traps Vigia could not turn into an alarm — unknown OIDs, unknown sources — kept in memory
 * (the newest `capacity`) for the operator to search with their varbinds.
 */
export class TrapLog {
  private readonly entries: TrapLogEntry[] = [];
  private total = 0;

  constructor(private readonly capacity = 5_000) {}

  add(entry: TrapLogEntry): void {
    this.total++;
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest first; `query` matches address, trap OID and varbind OIDs and values, any case. */
  search(query: string, limit: number): { entries: TrapLogEntry[]; total: number } {
    const needle = query.trim().toLowerCase();
    const matches = (entry: TrapLogEntry): boolean =>
      needle === '' ||
      entry.address.includes(needle) ||
      entry.trapOid.includes(needle) ||
      entry.varbinds.some(
        (varbind) => varbind.oid.includes(needle) || varbind.value.toLowerCase().includes(needle),
      );
    const found: TrapLogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length < limit; i--) {
      const entry = this.entries[i]!;
      if (matches(entry)) found.push(entry);
    }
    return { entries: found, total: this.total };
  }
}
