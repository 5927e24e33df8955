/** The OIDs Vigia reads, by MIB. Columns are given without the row index. */
export const system = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysName: '1.3.6.1.2.1.1.5.0',
} as const;

const ifEntry = '1.3.6.1.2.1.2.2.1';
const ifXEntry = '1.3.6.1.2.1.31.1.1.1';

/** IF-MIB ifTable and ifXTable columns. */
export const ifColumns = {
  ifDescr: `${ifEntry}.2`,
  ifSpeed: `${ifEntry}.5`,
  ifOperStatus: `${ifEntry}.8`,
  ifInOctets: `${ifEntry}.10`,
  ifInDiscards: `${ifEntry}.13`,
  ifInErrors: `${ifEntry}.14`,
  ifOutOctets: `${ifEntry}.16`,
  ifOutDiscards: `${ifEntry}.19`,
  ifOutErrors: `${ifEntry}.20`,
  ifName: `${ifXEntry}.1`,
  ifHCInOctets: `${ifXEntry}.6`,
  ifHCOutOctets: `${ifXEntry}.10`,
  ifHighSpeed: `${ifXEntry}.15`,
  ifAlias: `${ifXEntry}.18`,
} as const;

const mtxrWlRtabEntry = '1.3.6.1.4.1.14988.1.1.1.2.1';
const mtxrWlApEntry = '1.3.6.1.4.1.14988.1.1.1.3.1';
const mtxrWlStatEntry = '1.3.6.1.4.1.14988.1.1.1.1.1';

/** MIKROTIK-MIB: the registration table (one row per client), the AP table and the station table. */
export const mikrotikColumns = {
  rtabStrength: `${mtxrWlRtabEntry}.3`,
  rtabTxRate: `${mtxrWlRtabEntry}.8`,
  rtabRxRate: `${mtxrWlRtabEntry}.9`,
  rtabSignalToNoise: `${mtxrWlRtabEntry}.12`,
  apTxRate: `${mtxrWlApEntry}.2`,
  apRxRate: `${mtxrWlApEntry}.3`,
  apClientCount: `${mtxrWlApEntry}.6`,
  apNoiseFloor: `${mtxrWlApEntry}.9`,
  apOverallTxCcq: `${mtxrWlApEntry}.10`,
  statTxRate: `${mtxrWlStatEntry}.2`,
  statRxRate: `${mtxrWlStatEntry}.3`,
  statStrength: `${mtxrWlStatEntry}.4`,
} as const;

const ubntWlStatEntry = '1.3.6.1.4.1.41112.1.4.5.1';
const ubntAirMaxEntry = '1.3.6.1.4.1.41112.1.4.6.1';

/** UBNT-AirMAX-MIB: wireless status and airMAX quality/capacity. */
export const airmaxColumns = {
  signal: `${ubntWlStatEntry}.5`,
  ccq: `${ubntWlStatEntry}.7`,
  noiseFloor: `${ubntWlStatEntry}.8`,
  txRate: `${ubntWlStatEntry}.9`,
  rxRate: `${ubntWlStatEntry}.10`,
  stationCount: `${ubntWlStatEntry}.15`,
  airmaxCapacity: `${ubntAirMaxEntry}.4`,
} as const;

const lldpObjects = '1.0.8802.1.1.2.1';
const cdpCacheEntry = '1.3.6.1.4.1.9.9.23.1.2.1.1';
const mtxrNeighborEntry = '1.3.6.1.4.1.14988.1.1.11.1.1';

/**
 * Neighbour tables. LLDP-MIB: the device's own chassis id, its ports, the remote table (indexed by
 * time mark, local port number and remote index) and the remote management addresses (whose
 * address is in the row index). CISCO-CDP-MIB cdpCacheTable (indexed by ifIndex and device index)
 * and cdpGlobalRun. MIKROTIK-MIB mtxrNeighborTable (MNDP), whose interface column is an ifIndex.
 */
export const neighbourOids = {
  lldpLocChassisIdSubtype: `${lldpObjects}.3.1.0`,
  lldpLocChassisId: `${lldpObjects}.3.2.0`,
  cdpGlobalRun: '1.3.6.1.4.1.9.9.23.1.3.1.0',
} as const;

export const neighbourColumns = {
  lldpLocPortId: `${lldpObjects}.3.7.1.3`,
  lldpLocPortDesc: `${lldpObjects}.3.7.1.4`,
  lldpRemChassisIdSubtype: `${lldpObjects}.4.1.1.4`,
  lldpRemChassisId: `${lldpObjects}.4.1.1.5`,
  lldpRemSysName: `${lldpObjects}.4.1.1.9`,
  lldpRemManAddrIfSubtype: `${lldpObjects}.4.2.1.3`,
  cdpCacheAddressType: `${cdpCacheEntry}.3`,
  cdpCacheAddress: `${cdpCacheEntry}.4`,
  cdpCacheDeviceId: `${cdpCacheEntry}.6`,
  mtxrNeighborIpAddress: `${mtxrNeighborEntry}.2`,
  mtxrNeighborMacAddress: `${mtxrNeighborEntry}.3`,
  mtxrNeighborIdentity: `${mtxrNeighborEntry}.6`,
  mtxrNeighborInterfaceID: `${mtxrNeighborEntry}.8`,
  ifDescr: ifColumns.ifDescr,
  ifName: ifColumns.ifName,
} as const;
