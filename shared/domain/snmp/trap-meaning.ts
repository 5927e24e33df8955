import type { Severity } from '../../contract/entities';
import { interfaceIndex } from './interface-data';

/** SNMPv2-MIB snmpTraps (RFC 3418) and the vendor traps Vigia turns into alarms. */
export const standardTraps = {
  coldStart: '1.3.6.1.6.3.1.1.5.1',
  warmStart: '1.3.6.1.6.3.1.1.5.2',
  linkDown: '1.3.6.1.6.3.1.1.5.3',
  linkUp: '1.3.6.1.6.3.1.1.5.4',
  authenticationFailure: '1.3.6.1.6.3.1.1.5.5',
} as const;

const IF_INDEX = '1.3.6.1.2.1.2.2.1.1.';
const IF_DESCR = '1.3.6.1.2.1.2.2.1.2.';
const IF_NAME = '1.3.6.1.2.1.31.1.1.1.1.';

export interface TrapFacts {
  trapOid: string;
  varbinds: readonly { oid: string; value: string }[];
}

/** What a linkDown/linkUp trap says about one interface of one device. */
export interface LinkTrap {
  deviceId: number;
  ifIndex: number;
  up: boolean;
  /** ifDescr/ifName when the trap carried one. */
  name: string | null;
}

export type TrapMeaning =
  /** An interface went down or came up: the same alarm the poller raises, at once. */
  | { kind: 'link'; up: boolean; ifIndex: number; name: string | null }
  /** An event that is an alarm of its own, open until the operator clears it. */
  | { kind: 'event'; type: string; severity: Severity; ref: string; params: Record<string, string> }
  /** Nothing Vigia knows how to read: kept in the trap log with its varbinds. */
  | { kind: 'unknown' };

/** Vendor traps by OID: what each means, from the vendors' public MIBs. */
const vendorTraps: Record<string, { type: string; severity: Severity }> = {
  // CISCO-CONFIG-MAN-MIB ciscoConfigManEvent
  '1.3.6.1.4.1.9.9.43.2.0.1': { type: 'config_changed', severity: 'warning' },
  // JUNIPER-MIB jnxPowerSupplyFailure
  '1.3.6.1.4.1.2636.4.1.1': { type: 'power_supply', severity: 'major' },
  // CISCO-ENVMON-MIB ciscoEnvMonSuppStatusChangeNotif
  '1.3.6.1.4.1.9.9.13.3.0.5': { type: 'power_supply', severity: 'major' },
};

/**
 * What a trap means. linkDown/linkUp carry the interface's ifIndex (RFC 2863: ifIndex, ifAdminStatus,
 * ifOperStatus), some agents its name too; a link trap without a readable ifIndex is not guessed at.
 */
export function trapMeaning(trap: TrapFacts): TrapMeaning {
  const oid = trap.trapOid.replace(/^\./, '');
  if (oid === standardTraps.linkDown || oid === standardTraps.linkUp) {
    const index = trap.varbinds.find((varbind) => varbind.oid.startsWith(IF_INDEX));
    if (!index) return { kind: 'unknown' };
    const ifIndex = interfaceIndex(index.oid.slice(IF_INDEX.length)) ?? interfaceIndex(index.value);
    if (ifIndex === null) return { kind: 'unknown' };
    const name = trap.varbinds.find(
      (varbind) => varbind.oid.startsWith(IF_NAME) || varbind.oid.startsWith(IF_DESCR),
    );
    return { kind: 'link', up: oid === standardTraps.linkUp, ifIndex, name: name?.value || null };
  }
  if (oid === standardTraps.coldStart || oid === standardTraps.warmStart)
    return {
      kind: 'event',
      type: 'agent_restarted',
      severity: 'warning',
      ref: 'agent',
      params: { trap: oid === standardTraps.coldStart ? 'coldStart' : 'warmStart' },
    };
  if (oid === standardTraps.authenticationFailure)
    return { kind: 'event', type: 'auth_failure', severity: 'warning', ref: 'agent', params: {} };
  const vendor = vendorTraps[oid];
  if (vendor) return { kind: 'event', ...vendor, ref: `trap:${vendor.type}`, params: {} };
  return { kind: 'unknown' };
}
