import * as snmp from 'net-snmp';
import type { SnmpOptions, SnmpTarget } from '../../../shared/contract/snmp';

/**
 * Turns what net-snmp throws into one sentence an operator can act on. v1/v2c agents stay silent
 * on a wrong community, so a timeout names that possibility; v3 agents answer with a report that
 * says exactly what is wrong.
 */
export function describeSnmpError(error: unknown, target: SnmpTarget, options: SnmpOptions): string {
  const where = `${target.host}:${target.port}`;
  if (error instanceof Error && error.name === 'RequestTimedOutError') {
    const tries = options.retries + 1;
    const hint =
      target.credentials.version === '3'
        ? 'host down, UDP port filtered, or credentials the agent drops without a report'
        : 'host down, UDP port filtered, or wrong community (v1/v2c agents do not answer a wrong community)';
    return `no SNMP answer from ${where} after ${tries} × ${options.timeoutMs} ms: ${hint}`;
  }
  if (error instanceof snmp.ResponseInvalidError) {
    if (error.code === snmp.ResponseInvalidCode.EAuthFailure) {
      return `SNMPv3 authentication failed at ${where}: ${error.message} (check user, auth/priv protocols and keys)`;
    }
    if (error.code === snmp.ResponseInvalidCode.ECouldNotDecrypt) {
      return `SNMPv3 privacy failed at ${where}: the answer could not be decrypted (check priv protocol and key)`;
    }
    return `invalid SNMP answer from ${where}: ${error.message}`;
  }
  if (error instanceof Error && error.name === 'RequestFailedError')
    return `SNMP request to ${where} failed: ${error.message}`;
  if (error instanceof Error) return `SNMP error at ${where}: ${error.message}`;
  return `SNMP error at ${where}: ${String(error)}`;
}
