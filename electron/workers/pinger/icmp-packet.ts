export const ECHO_REQUEST_V4 = 8;
export const ECHO_REPLY_V4 = 0;
export const ECHO_REQUEST_V6 = 128;
export const ECHO_REPLY_V6 = 129;

/** Echo header (8 bytes) plus an 8-byte payload: small, and an even length for the checksum. */
export const PACKET_SIZE = 16;
const PAYLOAD = Buffer.from('vigia\0\0\0', 'latin1');

/** The one's-complement checksum of a sum of 16-bit words: carries folded back in, inverted. */
function foldChecksum(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** The Internet checksum (RFC 1071) of an even-length span. */
export function internetChecksum(buffer: Buffer, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 2) sum += (buffer[i]! << 8) | buffer[i + 1]!;
  return foldChecksum(sum);
}

/** The payload's words summed once: a request's checksum adds only its type and key to it. */
const PAYLOAD_SUM = 0xffff - internetChecksum(PAYLOAD, 0, PAYLOAD.length);

/**
 * Writes the echo request for one probe key at `offset`. The 32-bit key is split over the
 * identifier and sequence fields, so a run can have far more than 65,535 probes in flight and
 * still match each reply to its probe in O(1).
 */
export function writeEchoRequest(buffer: Buffer, offset: number, family: 4 | 6, key: number): void {
  const type = family === 4 ? ECHO_REQUEST_V4 : ECHO_REQUEST_V6;
  const high = key >>> 16;
  const low = key & 0xffff;
  // Byte by byte: Buffer's write and copy methods cost more than the 16 bytes they move.
  buffer[offset] = type;
  buffer[offset + 1] = 0;
  buffer[offset + 4] = high >>> 8;
  buffer[offset + 5] = high & 0xff;
  buffer[offset + 6] = low >>> 8;
  buffer[offset + 7] = low & 0xff;
  for (let i = 0; i < PAYLOAD.length; i++) buffer[offset + 8 + i] = PAYLOAD[i]!;
  // The kernel fills in the ICMPv6 checksum itself: it covers a pseudo-header we cannot see.
  const checksum = family === 4 ? foldChecksum((type << 8) + high + low + PAYLOAD_SUM) : 0;
  buffer[offset + 2] = checksum >>> 8;
  buffer[offset + 3] = checksum & 0xff;
}

/**
 * The probe key of an echo reply, or null for anything else (requests, errors, other traffic).
 * `length`: the bytes of `packet` that hold it (a receive buffer is reused, not sliced).
 */
export function readEchoReplyKey(packet: Buffer, family: 4 | 6, length = packet.length): number | null {
  // IPv4 raw sockets hand over the IP header too; IPv6 ones start at the ICMPv6 header.
  const offset = family === 4 ? (packet[0]! & 0x0f) * 4 : 0;
  if (length < offset + 8) return null;
  if (packet[offset] !== (family === 4 ? ECHO_REPLY_V4 : ECHO_REPLY_V6)) return null;
  return ((packet.readUInt16BE(offset + 4) << 16) | packet.readUInt16BE(offset + 6)) >>> 0;
}
