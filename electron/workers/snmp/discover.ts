import type * as snmp from 'net-snmp';
import type {
  SnmpDataKind,
  SnmpInterfaceInfo,
  SnmpOptions,
  SnmpSystem,
  SnmpTarget,
} from '../../../shared/contract/snmp';
import {
  hcCountersUsable,
  interfaceIndex,
  interfaceSpeedMbps,
} from '../../../shared/domain/snmp/interface-data';
import { detectVendor } from '../../../shared/domain/snmp/vendor';
import { IF_OPER_UP, MAX_VARBINDS_PER_REQUEST, rowsByColumn } from './columns';
import { ifColumns, system } from './oids';
import { asCounter, asNumber, asOid, asText } from './values';
import { readColumns } from './walk';

export interface Discovery {
  system: SnmpSystem;
  interfaces: SnmpInterfaceInfo[];
  /** Whether the device serves usable 64-bit HC octet counters. */
  hc: boolean;
  /** Descriptive data the agent does not provide. */
  missing: SnmpDataKind[];
  at: number;
}

const describeColumns = {
  ifDescr: ifColumns.ifDescr,
  ifSpeed: ifColumns.ifSpeed,
  ifOperStatus: ifColumns.ifOperStatus,
  ifInOctets: ifColumns.ifInOctets,
  ifName: ifColumns.ifName,
  ifHighSpeed: ifColumns.ifHighSpeed,
  ifAlias: ifColumns.ifAlias,
  ifHCInOctets: ifColumns.ifHCInOctets,
  ifHCOutOctets: ifColumns.ifHCOutOctets,
};

/** What a device is and which interfaces it has: read at first contact and when they change. */
export async function discover(
  session: snmp.Session,
  target: SnmpTarget,
  options: SnmpOptions,
  at: number,
): Promise<Discovery> {
  const { scalars, columns } = await readColumns(session, target.credentials.version === '1', {
    scalars: [system.sysDescr, system.sysObjectID, system.sysName],
    columns: Object.values(describeColumns),
    maxVarbinds: MAX_VARBINDS_PER_REQUEST,
    maxRepetitions: options.maxRepetitions,
  });
  const [descrVb, objectIdVb, nameVb] = scalars;
  if (!descrVb && !objectIdVb)
    throw new Error('the agent answered but has no system group (sysDescr, sysObjectID)');
  const descr = asText(descrVb);
  const col = rowsByColumn(columns, describeColumns);
  // Rows come from whichever column the agent has: an old agent may lack ifName, a broken one ifDescr.
  const rows = new Set([...col.ifDescr.keys(), ...col.ifName.keys(), ...col.ifOperStatus.keys()]);
  const interfaces: SnmpInterfaceInfo[] = [];
  for (const row of rows) {
    const index = interfaceIndex(row);
    if (index === null) continue;
    const status = asNumber(col.ifOperStatus.get(row));
    interfaces.push({
      index,
      name: asText(col.ifName.get(row)) || asText(col.ifDescr.get(row)) || `ifIndex ${index}`,
      alias: asText(col.ifAlias.get(row)),
      speedMbps: interfaceSpeedMbps(asNumber(col.ifSpeed.get(row)), asNumber(col.ifHighSpeed.get(row))),
      // Without ifOperStatus the state is unknown: taken as up, so that no "down" is invented.
      operUp: status === null || status === IF_OPER_UP,
    });
  }
  interfaces.sort((a, b) => a.index - b.index);
  const objectId = asOid(objectIdVb);
  const values = (rowsOf: Map<string, snmp.Varbind>) => [...rowsOf.values()].map(asCounter);
  const hc = hcCountersUsable(
    { in: values(col.ifHCInOctets), out: values(col.ifHCOutOctets) },
    values(col.ifInOctets),
  );
  const lacks = (rowsOf: Map<string, snmp.Varbind>) => interfaces.length > 0 && rowsOf.size === 0;
  const missing: SnmpDataKind[] = [];
  if (lacks(col.ifName)) missing.push('ifName');
  if (lacks(col.ifAlias)) missing.push('ifAlias');
  if (lacks(col.ifOperStatus)) missing.push('operStatus');
  if (interfaces.length > 0 && interfaces.every((row) => row.speedMbps === 0)) missing.push('speed');
  if (interfaces.length > 0 && !hc) missing.push('hcCounters');
  return {
    system: { descr, objectId, name: asText(nameVb), vendor: detectVendor(objectId, descr) },
    interfaces,
    hc,
    missing,
    at,
  };
}
