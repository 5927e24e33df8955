import * as snmp from 'net-snmp';
import type { SnmpCredentials } from '../../../shared/contract/snmp';

// Shared by two workers: the SNMP poller's sessions and the trap receiver's informs.
/** net-snmp's user for SNMPv3 credentials (also the trap receiver's, for informs). */
export function v3User(credentials: Extract<SnmpCredentials, { version: '3' }>): snmp.User {
  return {
    name: credentials.user,
    level: snmp.SecurityLevel[credentials.level],
    authProtocol: snmp.AuthProtocols[credentials.authProtocol],
    authKey: credentials.authKey,
    privProtocol: snmp.PrivProtocols[credentials.privProtocol],
    privKey: credentials.privKey,
  };
}
