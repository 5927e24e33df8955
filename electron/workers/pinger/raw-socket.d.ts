// The parts of raw-socket (net-ping's socket layer) that Vigia uses; the package ships no types.
declare module 'raw-socket' {
  import type { EventEmitter } from 'node:events';

  export const AddressFamily: { IPv4: number; IPv6: number };
  export const Protocol: { None: number; ICMP: number; TCP: number; UDP: number; ICMPv6: number };
  export const SocketLevel: { SOL_SOCKET: number; IPPROTO_IP: number; IPPROTO_IPV6: number };
  export const SocketOption: {
    SO_RCVBUF: number;
    SO_SNDBUF: number;
    IP_TTL: number;
    IPV6_UNICAST_HOPS: number;
  };

  /**
   * The native handle behind a Socket (undocumented, stable since raw-socket 1.x): `send` and
   * `recv` are synchronous sendto/recvfrom on the non-blocking socket, throwing strerror text on
   * failure (EAGAIN included), and each calls its callback before returning.
   */
  export interface SocketWrap extends EventEmitter {
    send(
      buffer: Buffer,
      offset: number,
      length: number,
      address: string,
      afterCallback: (bytes: number) => void,
    ): SocketWrap;
    recv(buffer: Buffer, callback: (buffer: Buffer, bytes: number, source: string) => void): SocketWrap;
  }

  export interface Socket extends EventEmitter {
    readonly wrap: SocketWrap;
    /** The buffer `recv` fills, sized by the `bufferSize` option. */
    readonly buffer: Buffer;
    send(
      buffer: Buffer,
      offset: number,
      length: number,
      address: string,
      beforeCallback: (() => void) | null,
      afterCallback: (error: Error | null, bytes: number) => void,
    ): Socket;
    setOption(level: number, option: number, value: number): void;
    /** A structured option: the first `length` bytes of `value`. */
    setOption(level: number, option: number, value: Buffer, length: number): void;
    close(): Socket;
    on(event: 'message', listener: (buffer: Buffer, source: string) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'close', listener: () => void): this;
  }

  export function createSocket(options?: {
    addressFamily?: number;
    protocol?: number;
    bufferSize?: number;
  }): Socket;
  export function createChecksum(
    ...parts: (Buffer | { buffer: Buffer; offset: number; length: number })[]
  ): number;
  export function writeChecksum(buffer: Buffer, offset: number, checksum: number): Buffer;
}
