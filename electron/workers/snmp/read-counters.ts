import type * as snmp from 'net-snmp';
import type {
  SnmpDataKind,
  SnmpInterfaceCounters,
  SnmpOptions,
  SnmpTarget,
} from '../../../shared/contract/snmp';
import { interfaceIndex } from '../../../shared/domain/snmp/interface-data';
import { IF_OPER_UP, MAX_VARBINDS_PER_REQUEST, rowsByColumn } from './columns';
import { ifColumns, system } from './oids';
import { asCounter, asNumber } from './values';
import { readColumns } from './walk';

export interface CountersRead {
  uptimeCs: number | null;
  counters: SnmpInterfaceCounters[];
  /** Counter data the agent does not provide. */
  missing: SnmpDataKind[];
  /** Columns the agent refused outright: left out of the next rounds. */
  refused: Set<string>;
}

const common = {
  ifOperStatus: ifColumns.ifOperStatus,
  ifInErrors: ifColumns.ifInErrors,
  ifOutErrors: ifColumns.ifOutErrors,
  ifInDiscards: ifColumns.ifInDiscards,
  ifOutDiscards: ifColumns.ifOutDiscards,
};
const hcColumns = { ...common, inOctets: ifColumns.ifHCInOctets, outOctets: ifColumns.ifHCOutOctets };
const legacyColumns = { ...common, inOctets: ifColumns.ifInOctets, outOctets: ifColumns.ifOutOctets };

/**
 * The per-round read: sysUpTime and every interface's state and counters, nothing descriptive.
 * Every column is optional: a row is any index some column has, and a column the agent lacks
 * leaves only its own values empty.
 */
export async function readCounters(
  session: snmp.Session,
  target: SnmpTarget,
  options: SnmpOptions,
  hc: boolean,
  expectedRows: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<CountersRead> {
  const wanted = hc ? hcColumns : legacyColumns;
  const { scalars, columns, refused } = await readColumns(session, target.credentials.version === '1', {
    scalars: [system.sysUpTime],
    columns: Object.values(wanted).filter((column) => !skip.has(column)),
    maxVarbinds: MAX_VARBINDS_PER_REQUEST,
    // One row past the known interfaces shows whether the table grew, without walking far beyond it.
    maxRepetitions: Math.min(options.maxRepetitions, expectedRows + 1),
  });
  const col = rowsByColumn(columns, wanted);
  const rows = new Set([...col.ifOperStatus.keys(), ...col.inOctets.keys(), ...col.outOctets.keys()]);
  const counters: SnmpInterfaceCounters[] = [];
  for (const row of rows) {
    const index = interfaceIndex(row);
    if (index === null) continue;
    const status = asNumber(col.ifOperStatus.get(row));
    counters.push({
      index,
      operUp: status === null || status === IF_OPER_UP,
      hc,
      inOctets: asCounter(col.inOctets.get(row)),
      outOctets: asCounter(col.outOctets.get(row)),
      inErrors: asCounter(col.ifInErrors.get(row)),
      outErrors: asCounter(col.ifOutErrors.get(row)),
      inDiscards: asCounter(col.ifInDiscards.get(row)),
      outDiscards: asCounter(col.ifOutDiscards.get(row)),
    });
  }
  counters.sort((a, b) => a.index - b.index);
  const none = (...rowsOf: Map<string, snmp.Varbind>[]) =>
    counters.length > 0 && rowsOf.every((column) => column.size === 0);
  const missing: SnmpDataKind[] = [];
  if (none(col.ifInErrors, col.ifOutErrors)) missing.push('errors');
  if (none(col.ifInDiscards, col.ifOutDiscards)) missing.push('discards');
  const uptime = asNumber(scalars[0]);
  return { uptimeCs: uptime === null ? null : Math.trunc(uptime), counters, missing, refused };
}
