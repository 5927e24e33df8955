import type * as snmp from 'net-snmp';
import type { SnmpInterfaceInfo, SnmpOptions, SnmpSystem, SnmpTarget } from '../../../shared/contract/snmp';
import { detectVendor } from '../../../shared/domain/snmp/vendor';
import { IF_OPER_UP, MAX_VARBINDS_PER_REQUEST, rowsByColumn } from './columns';
import { ifColumns, system } from './oids';
import { asCounter, asNumber, asOid, asText } from './values';
import { readColumns } from './walk';

export interface Discovery {
  system: SnmpSystem;
  interfaces: SnmpInterfaceInfo[];
  /** Whether the device serves the 64-bit HC octet counters. */
  hc: boolean;
  at: number;
}

const describeColumns = {
  ifDescr: ifColumns.ifDescr,
  ifSpeed: ifColumns.ifSpeed,
  ifOperStatus: ifColumns.ifOperStatus,
  ifName: ifColumns.ifName,
  ifHighSpeed: ifColumns.ifHighSpeed,
  ifAlias: ifColumns.ifAlias,
  ifHCInOctets: ifColumns.ifHCInOctets,
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
  const rows = new Set([...col.ifDescr.keys(), ...col.ifName.keys()]);
  const interfaces: SnmpInterfaceInfo[] = [];
  for (const row of rows) {
    const index = Number(row);
    if (!Number.isInteger(index)) continue;
    const highSpeed = asNumber(col.ifHighSpeed.get(row));
    interfaces.push({
      index,
      name: asText(col.ifName.get(row)) || asText(col.ifDescr.get(row)),
      alias: asText(col.ifAlias.get(row)),
      speedMbps:
        highSpeed !== null && highSpeed > 0 ? highSpeed : (asNumber(col.ifSpeed.get(row)) ?? 0) / 1e6,
      operUp: asNumber(col.ifOperStatus.get(row)) === IF_OPER_UP,
    });
  }
  const objectId = asOid(objectIdVb);
  return {
    system: { descr, objectId, name: asText(nameVb), vendor: detectVendor(objectId, descr) },
    interfaces,
    hc: [...col.ifHCInOctets.values()].some((varbind) => asCounter(varbind) !== null),
    at,
  };
}
