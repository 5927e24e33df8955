import type * as snmp from 'net-snmp';
import type { SnmpInterfaceCounters, SnmpOptions, SnmpTarget } from '../../../shared/contract/snmp';
import { IF_OPER_UP, MAX_VARBINDS_PER_REQUEST, rowsByColumn } from './columns';
import { ifColumns, system } from './oids';
import { asCounter, asNumber } from './values';
import { readColumns } from './walk';

export interface CountersRead {
  uptimeCs: number | null;
  counters: SnmpInterfaceCounters[];
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

/** The per-round read: sysUpTime and every interface's state and counters, nothing descriptive. */
export async function readCounters(
  session: snmp.Session,
  target: SnmpTarget,
  options: SnmpOptions,
  hc: boolean,
  expectedRows: number,
): Promise<CountersRead> {
  const wanted = hc ? hcColumns : legacyColumns;
  const { scalars, columns } = await readColumns(session, target.credentials.version === '1', {
    scalars: [system.sysUpTime],
    columns: Object.values(wanted),
    maxVarbinds: MAX_VARBINDS_PER_REQUEST,
    // One row past the known interfaces shows whether the table grew, without walking far beyond it.
    maxRepetitions: Math.min(options.maxRepetitions, expectedRows + 1),
  });
  const col = rowsByColumn(columns, wanted);
  const counters: SnmpInterfaceCounters[] = [];
  for (const [row, status] of col.ifOperStatus) {
    const index = Number(row);
    if (!Number.isInteger(index)) continue;
    counters.push({
      index,
      operUp: asNumber(status) === IF_OPER_UP,
      hc,
      inOctets: asCounter(col.inOctets.get(row)),
      outOctets: asCounter(col.outOctets.get(row)),
      inErrors: asCounter(col.ifInErrors.get(row)),
      outErrors: asCounter(col.ifOutErrors.get(row)),
      inDiscards: asCounter(col.ifInDiscards.get(row)),
      outDiscards: asCounter(col.ifOutDiscards.get(row)),
    });
  }
  const uptime = asNumber(scalars[0]);
  return { uptimeCs: uptime === null ? null : Math.trunc(uptime), counters };
}
