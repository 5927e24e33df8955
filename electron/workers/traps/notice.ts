import * as snmp from 'net-snmp';
import type { TrapVarbind } from '../../../shared/contract/traps-worker';

const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';
const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';
/** RFC 3584 §3: a v1 generic trap n (0-5) is snmpTraps.(n+1). */
const SNMP_TRAPS = '1.3.6.1.6.3.1.1.5';
const MAX_VALUE_CHARS = 2_000;
const MAX_VARBINDS = 200;
const PRINTABLE = /^[\t\n\r\x20-\x7e\u00a0-\u00ff]*$/;

export interface ReceivedPdu {
  type: number;
  enterprise?: string;
  generic?: number;
  specific?: number;
  varbinds?: snmp.Varbind[];
  community?: string;
  user?: string;
}

/** A varbind's value as text whatever its type: nothing from the network is trusted to be well-formed. */
export function varbindText(varbind: snmp.Varbind): string {
  const { value } = varbind;
  let text: string;
  if (Buffer.isBuffer(value)) {
    if (varbind.type === snmp.ObjectType.Counter64 && value.length <= 8) {
      let counter = 0n;
      for (const byte of value) counter = (counter << 8n) | BigInt(byte);
      text = counter.toString();
    } else {
      const latin1 = value.toString('latin1');
      text = PRINTABLE.test(latin1)
        ? value.toString(isUtf8Text(value) ? 'utf8' : 'latin1')
        : value.toString('hex');
    }
  } else if (value === null || value === undefined) text = '';
  else text = String(value);
  return text.slice(0, MAX_VALUE_CHARS);
}

const isUtf8Text = (value: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(value);
    return true;
  } catch {
    return false;
  }
};

/** The trap's identity and its own varbinds (sysUpTime and snmpTrapOID taken out). */
export function trapIdentity(pdu: ReceivedPdu): { trapOid: string; varbinds: TrapVarbind[] } {
  const all = (pdu.varbinds ?? []).slice(0, MAX_VARBINDS + 2);
  let trapOid: string;
  if (pdu.type === snmp.PduType.Trap) {
    const generic = pdu.generic ?? 6;
    trapOid =
      generic >= 0 && generic < 6
        ? `${SNMP_TRAPS}.${generic + 1}`
        : `${String(pdu.enterprise ?? '')}.0.${pdu.specific ?? 0}`;
  } else {
    const named = all.find((varbind) => varbind.oid === SNMP_TRAP_OID);
    trapOid = named && typeof named.value === 'string' ? named.value : '';
  }
  const varbinds = all
    .filter((varbind) => varbind.oid !== SYS_UPTIME && varbind.oid !== SNMP_TRAP_OID)
    .slice(0, MAX_VARBINDS)
    .map((varbind) => ({
      oid: String(varbind.oid).slice(0, 400),
      type: Number(varbind.type ?? 0),
      value: varbindText(varbind),
    }));
  return { trapOid: trapOid.slice(0, 400), varbinds };
}
