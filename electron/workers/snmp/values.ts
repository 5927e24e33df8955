import type * as snmp from 'net-snmp';

/** OCTET STRING as text, trimming the NULs some agents pad with. */
export function asText(varbind: snmp.Varbind | null | undefined): string {
  const value = varbind?.value;
  if (Buffer.isBuffer(value)) return value.toString('utf8').replace(/\0+$/, '');
  if (value === null || value === undefined) return '';
  return String(value);
}

export function asNumber(varbind: snmp.Varbind | null | undefined): number | null {
  const value = varbind?.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.length === 0 ? 0 : Number(counterFromBuffer(value));
  return null;
}

function counterFromBuffer(buffer: Buffer): bigint {
  let result = 0n;
  for (const byte of buffer) result = (result << 8n) | BigInt(byte);
  return result;
}

/** A counter as a decimal string: Counter64 arrives as a big-endian Buffer of any length. */
export function asCounter(varbind: snmp.Varbind | null | undefined): string | null {
  const value = varbind?.value;
  if (Buffer.isBuffer(value)) return counterFromBuffer(value).toString();
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.trunc(value).toString();
  if (typeof value === 'bigint' && value >= 0n) return value.toString();
  return null;
}

export function asOid(varbind: snmp.Varbind | null | undefined): string {
  const value = varbind?.value;
  return typeof value === 'string' ? value : asText(varbind);
}
