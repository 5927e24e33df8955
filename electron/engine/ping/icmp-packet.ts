import * as raw from 'raw-socket';

export const ECHO_REQUEST_V4 = 8;
export const ECHO_REPLY_V4 = 0;
export const ECHO_REQUEST_V6 = 128;
export const ECHO_REPLY_V6 = 129;

/** Echo header (8 bytes) plus a small payload, like ping's default but shorter. */
export const PACKET_SIZE = 16;

/**
 * Writes an echo request for one key into `buffer`. The 32-bit key is split over the identifier
 * and sequence fields, so a run can have far more than 65,535 probes in flight and still match
 * each reply to its probe in O(1).
 */
export function writeEchoRequest(buffer: Buffer, family: 4 | 6, key: number): void {
  buffer.fill(0, 0, PACKET_SIZE);
  buffer[0] = family === 4 ? ECHO_REQUEST_V4 : ECHO_REQUEST_V6;
  buffer.writeUInt16BE(key >>> 16, 4);
  buffer.writeUInt16BE(key & 0xffff, 6);
  buffer.write('vigia', 8, 'ascii');
  // The kernel computes the ICMPv6 checksum itself (it covers a pseudo-header we cannot see).
  if (family === 4)
    raw.writeChecksum(buffer, 2, raw.createChecksum({ buffer, offset: 0, length: PACKET_SIZE }));
}

/** The key of an echo reply, or null for anything else (requests, errors, other traffic). */
export function readEchoReplyKey(packet: Buffer, family: 4 | 6): number | null {
  // IPv4 raw sockets hand over the IP header too; IPv6 ones start at the ICMPv6 header.
  const offset = family === 4 ? (packet[0]! & 0x0f) * 4 : 0;
  if (packet.length < offset + 8) return null;
  if (packet[offset] !== (family === 4 ? ECHO_REPLY_V4 : ECHO_REPLY_V6)) return null;
  return ((packet.readUInt16BE(offset + 4) << 16) | packet.readUInt16BE(offset + 6)) >>> 0;
}
