import * as snmp from 'net-snmp';
import type { SnmpOptions, SnmpTarget } from '../../../shared/contract/snmp';
import { v3User } from '../host/snmp-v3-user';

/**
 * One session per device, kept between rounds by the poller: each has its own UDP socket, so a
 * device that answers garbage or nothing affects no other. The 'error' listener matters: net-snmp emits socket and parse
 * errors on the session, and an unheard 'error' event would take the whole poller down.
 */
export function openSession(
  target: SnmpTarget,
  options: SnmpOptions,
  onError: (error: Error) => void,
): snmp.Session {
  const common = {
    port: target.port,
    retries: options.retries,
    timeout: options.timeoutMs,
    transport: target.host.includes(':') ? 'udp6' : 'udp4',
    // Agents that never sorted their rows answer "backwards"; the walk follows them until they repeat.
    backwardsGetNexts: true,
  } as const;
  const { credentials } = target;
  const session =
    credentials.version === '3'
      ? snmp.createV3Session(target.host, v3User(credentials), {
          ...common,
          version: snmp.Version3,
          context: credentials.context,
        })
      : snmp.createSession(target.host, credentials.community, {
          ...common,
          version: credentials.version === '1' ? snmp.Version1 : snmp.Version2c,
        });
  session.on('error', onError);
  return session;
}
