import { describe, expect, it } from 'vitest';
import { parsePingOutput, pingCommand } from '../../../../../electron/workers/pinger/system-ping';
import { summarize } from '../../../../../shared/domain/ping/summarize';

describe('system ping fallback', () => {
  it.each([
    [
      'Linux iputils',
      '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms\n64 bytes from 127.0.0.1: icmp_seq=2 ttl=64 time=1.20 ms\n',
      [0.045, 1.2],
    ],
    [
      'Windows in Portuguese',
      'Resposta de 10.0.0.1: bytes=32 tempo=3ms TTL=64\r\nResposta de 10.0.0.1: bytes=32 tempo<1ms TTL=64\r\nEsgotado o tempo limite do pedido.\r\n',
      [3, 1],
    ],
    ['Windows in English', 'Reply from 10.0.0.1: bytes=32 time=12ms TTL=57\r\nRequest timed out.\r\n', [12]],
    [
      'nothing answered',
      'PING 127.9.0.1 (127.9.0.1) 56(84) bytes of data.\n\n--- 127.9.0.1 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss',
      [],
    ],
  ])('reads round-trip times from %s output', (_, output, rtts) => {
    expect(parsePingOutput(output)).toEqual(rtts);
  });

  it('builds the command line for each platform', () => {
    expect(pingCommand('win32', '10.0.0.1', 3, 1000)).toEqual([
      'ping',
      ['-n', '3', '-w', '1000', '10.0.0.1'],
    ]);
    expect(pingCommand('linux', '::1', 2, 1500)).toEqual([
      'ping',
      ['-6', '-n', '-c', '2', '-W', '2', '-i', '0.2', '::1'],
    ]);
  });

  it('summarises loss, min/avg/max and jitter', () => {
    expect(summarize(7, 4, [10, 14, 12])).toEqual({
      id: 7,
      sent: 4,
      received: 3,
      lossPct: 25,
      minMs: 10,
      avgMs: 12,
      maxMs: 14,
      jitterMs: 3,
      error: null,
    });
  });
});
