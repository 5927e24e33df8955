import type * as snmp from 'net-snmp';
import type { SnmpOptions, SnmpTarget } from '../../../shared/contract/snmp';
import type { Neighbour, NeighbourProtocol, NeighbourReport } from '../../../shared/contract/topology';
import { MAX_VARBINDS_PER_REQUEST, rowsByColumn, type Rows } from './columns';
import { describeSnmpError } from './errors';
import { neighbourColumns, neighbourOids, system } from './oids';
import { openSession } from './session';
import { asNumber, asText } from './values';
import { readColumns } from './walk';

/** LLDP chassis id subtype 4 (RFC 2922): a MAC address; 5: a network address (IANA family, then octets). */
const CHASSIS_MAC = 4;
const CHASSIS_NETWORK = 5;
const CDP_ADDRESS_IP = 1;

const mac = (octets: Buffer): string =>
  [...octets].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
const PRINTABLE = /^[\x20-\x7e\u00a0-\u00ff]+$/;

/** An octet string that may be a MAC (6 octets that are not printable text), otherwise text. */
function chassisText(varbind: snmp.Varbind | undefined, subtype: number | null): string | null {
  const value = varbind?.value;
  if (!Buffer.isBuffer(value) || value.length === 0) return null;
  if (value.length === 6 && (subtype === CHASSIS_MAC || subtype === null || !PRINTABLE.test(asText(varbind))))
    return mac(value);
  if (subtype === CHASSIS_NETWORK && value.length === 5 && value[0] === 1)
    return [...value.subarray(1)].join('.');
  const text = asText(varbind).trim();
  return text === '' ? null : text;
}

const text = (varbind: snmp.Varbind | undefined): string | null => asText(varbind).trim() || null;

/** An IPv4 address from an IpAddress value or four octets (CDP's CiscoNetworkAddress). */
function ipv4(varbind: snmp.Varbind | undefined): string | null {
  const value = varbind?.value;
  if (typeof value === 'string') return /^\d{1,3}(\.\d{1,3}){3}$/.test(value) ? value : null;
  return Buffer.isBuffer(value) && value.length === 4 ? [...value].join('.') : null;
}

/**
 * The management address in a lldpRemManAddrTable row index: time mark, local port, remote index,
 * address subtype (1 IPv4, 2 IPv6), then the address as a length-prefixed octet string.
 */
function lldpManAddress(index: string): { remote: string; address: string } | null {
  const parts = index.split('.').map(Number);
  const [subtype, length] = [parts[3], parts[4]];
  const octets = parts.slice(5);
  if (octets.length !== length || octets.some((octet) => !(octet >= 0 && octet <= 255))) return null;
  const remote = parts.slice(0, 3).join('.');
  if (subtype === 1 && length === 4) return { remote, address: octets.join('.') };
  if (subtype === 2 && length === 16) {
    const groups = Array.from({ length: 8 }, (_, i) =>
      ((octets[2 * i]! << 8) | octets[2 * i + 1]!).toString(16),
    );
    return { remote, address: groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::') };
  }
  return null;
}

type Columns = Record<keyof typeof neighbourColumns, Rows>;

/** The device's own name of an interface by ifIndex: ifName, else ifDescr, else "ifIndex N". */
const interfaceName = (columns: Columns, ifIndex: string): string =>
  text(columns.ifName.get(ifIndex)) ?? text(columns.ifDescr.get(ifIndex)) ?? `ifIndex ${ifIndex}`;

function lldpNeighbours(columns: Columns): Neighbour[] {
  const addresses = new Map<string, string>();
  for (const index of columns.lldpRemManAddrIfSubtype.keys()) {
    const found = lldpManAddress(index);
    if (found && !addresses.has(found.remote)) addresses.set(found.remote, found.address);
  }
  const remotes = new Set([...columns.lldpRemChassisId.keys(), ...columns.lldpRemSysName.keys()]);
  return [...remotes].map((index) => {
    const localPort = index.split('.')[1] ?? '';
    return {
      protocol: 'lldp',
      localPort:
        text(columns.lldpLocPortDesc.get(localPort)) ??
        text(columns.lldpLocPortId.get(localPort)) ??
        interfaceName(columns, localPort),
      chassisId: chassisText(
        columns.lldpRemChassisId.get(index),
        asNumber(columns.lldpRemChassisIdSubtype.get(index)),
      ),
      name: text(columns.lldpRemSysName.get(index)),
      address: addresses.get(index) ?? null,
    };
  });
}

function cdpNeighbours(columns: Columns): Neighbour[] {
  return [...columns.cdpCacheDeviceId.keys()].map((index) => ({
    protocol: 'cdp',
    localPort: interfaceName(columns, index.split('.')[0] ?? ''),
    chassisId: null,
    name: text(columns.cdpCacheDeviceId.get(index)),
    address:
      asNumber(columns.cdpCacheAddressType.get(index)) === CDP_ADDRESS_IP
        ? ipv4(columns.cdpCacheAddress.get(index))
        : null,
  }));
}

function mndpNeighbours(columns: Columns): Neighbour[] {
  const rows = new Set([...columns.mtxrNeighborIpAddress.keys(), ...columns.mtxrNeighborIdentity.keys()]);
  return [...rows].map((index) => {
    const ifIndex = asNumber(columns.mtxrNeighborInterfaceID.get(index));
    return {
      protocol: 'mndp',
      localPort: ifIndex === null ? '' : interfaceName(columns, String(ifIndex)),
      chassisId: chassisText(columns.mtxrNeighborMacAddress.get(index), CHASSIS_MAC),
      name: text(columns.mtxrNeighborIdentity.get(index)),
      address: ipv4(columns.mtxrNeighborIpAddress.get(index)),
    };
  });
}

/**
 * Reads one device's neighbour tables (LLDP, CDP, MikroTik MNDP) in one walk. Each table is
 * optional: an agent without one answers past it and only that table is missing. A protocol is
 * reported missing when the agent has neither rows nor its presence object (lldpLocChassisId,
 * cdpGlobalRun; MNDP has none, so a MikroTik that sees nobody is told apart from one without it only by rows).
 */
export async function readNeighbours(target: SnmpTarget, options: SnmpOptions): Promise<NeighbourReport> {
  let socketError: Error | null = null;
  const session = openSession(target, options, (error) => (socketError = error));
  const v1 = target.credentials.version === '1';
  try {
    const read = await readColumns(session, v1, {
      scalars: [
        neighbourOids.lldpLocChassisIdSubtype,
        neighbourOids.lldpLocChassisId,
        neighbourOids.cdpGlobalRun,
        system.sysName,
      ],
      columns: Object.values(neighbourColumns),
      maxVarbinds: MAX_VARBINDS_PER_REQUEST,
      maxRepetitions: options.maxRepetitions,
    });
    const [chassisSubtype, chassis, cdpRun, sysName] = read.scalars;
    const columns = rowsByColumn(read.columns, neighbourColumns);
    const found: Record<NeighbourProtocol, Neighbour[]> = {
      lldp: lldpNeighbours(columns),
      cdp: cdpNeighbours(columns),
      mndp: mndpNeighbours(columns),
    };
    const present: Record<NeighbourProtocol, boolean> = {
      lldp: found.lldp.length > 0 || chassis !== null,
      cdp: found.cdp.length > 0 || cdpRun !== null,
      mndp: found.mndp.length > 0,
    };
    return {
      deviceId: target.id,
      chassisId: chassisText(chassis ?? undefined, asNumber(chassisSubtype)),
      sysName: text(sysName ?? undefined),
      neighbours: [...found.lldp, ...found.cdp, ...found.mndp],
      missing: (['lldp', 'cdp', 'mndp'] as const).filter((protocol) => !present[protocol]),
      error: null,
    };
  } catch (error) {
    return {
      deviceId: target.id,
      chassisId: null,
      sysName: null,
      neighbours: [],
      missing: [],
      error: describeSnmpError(socketError ?? error, target, options).slice(0, 500),
    };
  } finally {
    session.close();
  }
}
