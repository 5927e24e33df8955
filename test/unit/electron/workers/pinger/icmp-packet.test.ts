import { describe, expect, it } from 'vitest';
import {
  PACKET_SIZE,
  internetChecksum,
  readEchoReplyKey,
  writeEchoRequest,
} from '../../../../../electron/workers/pinger/icmp-packet';
import { TokenBucket } from '../../../../../electron/workers/pinger/token-bucket';

describe('ICMP echo packets', () => {
  it('computes the Internet checksum of RFC 1071', () => {
    expect(internetChecksum(Buffer.from([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]), 0, 8)).toBe(
      0x220d,
    );
  });

  it('writes IPv4 echo requests that checksum to zero and carry the 32-bit key', () => {
    const packets = Buffer.alloc(PACKET_SIZE * 2);
    writeEchoRequest(packets, PACKET_SIZE, 4, 0xdeadbeef);
    expect(packets[PACKET_SIZE]).toBe(8);
    expect(packets.readUInt32BE(PACKET_SIZE + 4)).toBe(0xdeadbeef);
    expect(internetChecksum(packets, PACKET_SIZE, PACKET_SIZE * 2)).toBe(0);
  });

  it('reads the key of echo replies only, past the IPv4 header', () => {
    const reply = Buffer.alloc(20 + PACKET_SIZE);
    reply[0] = 0x45;
    writeEchoRequest(reply, 20, 4, 0x00010002);
    expect(readEchoReplyKey(reply, 4)).toBeNull();
    reply[20] = 0;
    expect(readEchoReplyKey(reply, 4)).toBe(0x00010002);
    const v6 = Buffer.alloc(PACKET_SIZE);
    writeEchoRequest(v6, 0, 6, 0xffffffff);
    v6[0] = 129;
    expect(readEchoReplyKey(v6, 6)).toBe(0xffffffff);
  });

  it('reads only the bytes received from a reused receive buffer', () => {
    const buffer = Buffer.alloc(1500);
    buffer[0] = 0x45;
    writeEchoRequest(buffer, 20, 4, 0x0a0b0c0d);
    buffer[20] = 0;
    expect(readEchoReplyKey(buffer, 4, 28)).toBe(0x0a0b0c0d);
    // A packet cut short of its echo header, however much the buffer still holds from before.
    expect(readEchoReplyKey(buffer, 4, 27)).toBeNull();
  });
});

describe('packets-per-second budget', () => {
  it('allows a tenth of a second of burst, then refills at the rate', () => {
    const bucket = new TokenBucket(100, 0);
    let sent = 0;
    while (bucket.ready(0)) {
      bucket.take();
      sent++;
    }
    expect(sent).toBe(10);
    expect(bucket.waitMs()).toBeCloseTo(10);
    expect(bucket.ready(10)).toBe(true);
    bucket.take();
    expect(bucket.ready(10)).toBe(false);
    expect(bucket.ready(5_000)).toBe(true);
  });
});
