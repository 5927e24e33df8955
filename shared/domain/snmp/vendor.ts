import type { SnmpVendor } from '../../contract/snmp';

const ENTERPRISES = '1.3.6.1.4.1.';

/** IANA enterprise numbers of the vendors Vigia reads vendor MIBs from. */
const byEnterprise: Record<string, SnmpVendor> = {
  '14988': 'mikrotik',
  '9': 'cisco',
  '2011': 'huawei',
  '2636': 'juniper',
};

/**
 * Which vendor a device is, from its sysObjectID first and its sysDescr second. airOS radios
 * answer with the Frogfoot enterprise (10002) or Ubiquiti's (41112); airFiber says so in its
 * description or under 41112.1.3.
 */
export function detectVendor(sysObjectId: string, sysDescr: string): SnmpVendor {
  const oid = sysObjectId.replace(/^\./, '');
  if (oid.startsWith(ENTERPRISES)) {
    const enterprise = oid.slice(ENTERPRISES.length).split('.')[0] ?? '';
    const known = byEnterprise[enterprise];
    if (known) return known;
    if (enterprise === '41112' || enterprise === '10002') {
      return /airfiber/i.test(sysDescr) || oid.startsWith(`${ENTERPRISES}41112.1.3`)
        ? 'ubiquiti-airfiber'
        : 'ubiquiti-airmax';
    }
  }
  if (/routeros|mikrotik/i.test(sysDescr)) return 'mikrotik';
  if (/airfiber/i.test(sysDescr)) return 'ubiquiti-airfiber';
  if (/airos|airmax|ubiquiti/i.test(sysDescr)) return 'ubiquiti-airmax';
  if (/cisco/i.test(sysDescr)) return 'cisco';
  if (/huawei|\bvrp\b/i.test(sysDescr)) return 'huawei';
  if (/junos|juniper/i.test(sysDescr)) return 'juniper';
  return 'generic';
}
