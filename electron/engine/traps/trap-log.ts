import type { TrapLogEntry, TrapLogPage, TrapLogQuery } from '../../../shared/contract/traps';

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

  /**
   * Newest first, one page of what matches every filter given: `source` is part of the sender's
   * address, `oid` the start of the trap's OID, `text` any part of a varbind's OID or value (any
   * case), `from`/`to` the time it was received (inclusive).
   */
  search(query: TrapLogQuery): TrapLogPage {
    const text = query.text.trim().toLowerCase();
    const source = query.source.trim();
    const oid = query.oid.trim().replace(/^\./, '');
    const matches = (entry: TrapLogEntry): boolean =>
      (query.reason === null || entry.reason === query.reason) &&
      (query.from === null || entry.at >= query.from) &&
      (query.to === null || entry.at <= query.to) &&
      entry.address.includes(source) &&
      entry.trapOid.startsWith(oid) &&
      (text === '' ||
        entry.varbinds.some(
          (varbind) => varbind.oid.includes(text) || varbind.value.toLowerCase().includes(text),
        ));
    const entries: TrapLogEntry[] = [];
    let matched = 0;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (!matches(entry)) continue;
      if (matched >= query.offset && entries.length < query.limit) entries.push(entry);
      matched++;
    }
    return { entries, matched, kept: this.entries.length, total: this.total };
  }
}
