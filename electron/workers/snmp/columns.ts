import type * as snmp from 'net-snmp';
import { rowIndex } from './walk';

export type Rows = Map<string, snmp.Varbind>;

/** The values of each column keyed by row index, for columns named as in `oids`. */
export function rowsByColumn<K extends string>(
  columns: Map<string, snmp.Varbind[]>,
  oids: Record<K, string>,
): Record<K, Rows> {
  const entries = (Object.entries(oids) as [K, string][]).map(([name, oid]) => [
    name,
    new Map((columns.get(oid) ?? []).map((varbind) => [rowIndex(oid, varbind.oid), varbind])),
  ]);
  return Object.fromEntries(entries) as Record<K, Rows>;
}

/**
 * Values asked for per request: enough for a whole 16-port device in one round trip. An agent
 * whose message size cannot hold that many sends fewer (RFC 3416 §4.2.3) and the walk carries on
 * from where the answer stopped, so this bounds work, not correctness.
 */
export const MAX_VARBINDS_PER_REQUEST = 250;

export const IF_OPER_UP = 1;
