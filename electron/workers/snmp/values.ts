import { isUtf8 } from 'node:buffer';
import * as snmp from 'net-snmp';

/**
 * Agents are untrusted input: a value may be truncated, of another type than asked for, or huge.
 * Each reader returns a value of its type or an empty/null one, never throws, and costs little
 * whatever arrives. A value of the wrong type is not reinterpreted (an OCTET STRING where a counter
 * belongs is not a counter), with one exception old firmware needs: numbers sent as text.
 */

/** DisplayString is at most 255 octets; a longer text is cut, not carried through the system. */
const MAX_TEXT_CHARS = 1_024;
/** Counter64 is 8 octets: anything longer is not a counter (and a huge one would cost a BigInt per byte). */
const MAX_COUNTER_BYTES = 8;

const { ObjectType } = snmp;
const numericTypes = new Set<number>([
  ObjectType.Integer,
  ObjectType.Counter,
  ObjectType.Gauge,
  ObjectType.TimeTicks,
  ObjectType.Counter64,
]);
const isNumeric = (varbind: snmp.Varbind): boolean =>
  varbind.type !== undefined && numericTypes.has(varbind.type);
const DECIMAL_TEXT = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * OCTET STRING as text, trimming the NULs some agents pad with. Old gear writes descriptions in
 * Latin-1 (Windows-1252 in practice): octets that are not valid UTF-8 are read that way rather
 * than turned into replacement characters.
 */
export function asText(varbind: snmp.Varbind | null | undefined): string {
  const value = varbind?.value;
  if (Buffer.isBuffer(value)) {
    const octets = value.subarray(0, MAX_TEXT_CHARS * 4);
    return octets
      .toString(isUtf8(octets) ? 'utf8' : 'latin1')
      .replace(/\0+$/, '')
      .slice(0, MAX_TEXT_CHARS);
  }
  if (value === null || value === undefined) return '';
  return String(value).slice(0, MAX_TEXT_CHARS);
}

export function asNumber(varbind: snmp.Varbind | null | undefined): number | null {
  if (!varbind) return null;
  const { value } = varbind;
  if (varbind.type === ObjectType.OctetString) {
    const text = asText(varbind).trim();
    return DECIMAL_TEXT.test(text) ? Number(text) : null;
  }
  if (!isNumeric(varbind)) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) {
    if (value.length === 0) return 0;
    return value.length > MAX_COUNTER_BYTES ? null : Number(counterFromBuffer(value));
  }
  return null;
}

function counterFromBuffer(buffer: Buffer): bigint {
  let result = 0n;
  for (const byte of buffer) result = (result << 8n) | BigInt(byte);
  return result;
}

/** A counter as a decimal string: Counter64 arrives as a big-endian Buffer of up to 8 octets. */
export function asCounter(varbind: snmp.Varbind | null | undefined): string | null {
  if (!varbind || !isNumeric(varbind)) return null;
  const { value } = varbind;
  if (Buffer.isBuffer(value))
    return value.length > MAX_COUNTER_BYTES ? null : counterFromBuffer(value).toString();
  if (typeof value === 'number' && value >= 0 && value < 2 ** 64) return Math.trunc(value).toString();
  if (typeof value === 'bigint' && value >= 0n && value < 2n ** 64n) return value.toString();
  return null;
}

export function asOid(varbind: snmp.Varbind | null | undefined): string {
  const value = varbind?.value;
  return typeof value === 'string' ? value.slice(0, MAX_TEXT_CHARS) : asText(varbind);
}
