import * as raw from 'raw-socket';
import { ECHO_REPLY_V4, ECHO_REPLY_V6, PACKET_SIZE } from './icmp-packet';

/** Who sent a probe: told the moment it leaves (for its RTT) and how the send went. */
export interface SendClient {
  sending(probe: number): void;
  sent(probe: number, error: Error | null): void;
}

const RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
/** Enough for an IPv4 header with options plus an ICMP error quoting our whole probe. */
const RECEIVE_PACKET_BYTES = 1500;
/** Replies read per readiness event: a burst's worth and more, without starving the sends. */
const RECEIVE_BATCH = 1_024;
/** strerror text of EAGAIN/EWOULDBLOCK and ENOBUFS: the socket is full for now, not broken. */
const WOULD_BLOCK = /temporarily unavailable|would block|no buffer space/i;
const ignoreBytes = (): void => undefined;

/** Linux: SOL_RAW / ICMP_FILTER (a 32-bit mask of ICMP types) and IPPROTO_ICMPV6 / ICMP6_FILTER (256 bits). */
const SOL_RAW = 255;
const ICMP_FILTER = 1;
const IPPROTO_ICMPV6 = 58;
const ICMP6_FILTER = 1;

/**
 * Asks Linux to hand this socket echo replies only. A raw ICMP socket otherwise gets a copy of
 * every ICMP packet the host receives — other programs' pings, and on loopback each of our own
 * requests — and reading each costs a system call. A set bit blocks its type. Elsewhere, or if
 * refused, everything comes and the parser skips what is not a reply.
 */
function keepEchoRepliesOnly(socket: raw.Socket, family: 4 | 6): void {
  if (process.platform !== 'linux') return;
  try {
    if (family === 4) {
      socket.setOption(SOL_RAW, ICMP_FILTER, ~(1 << ECHO_REPLY_V4) >>> 0);
      return;
    }
    const filter = new Uint32Array(8).fill(0xffffffff);
    filter[ECHO_REPLY_V6 >> 5]! &= ~(1 << (ECHO_REPLY_V6 & 31));
    socket.setOption(IPPROTO_ICMPV6, ICMP6_FILTER, Buffer.from(filter.buffer), filter.byteLength);
  } catch {
    // An optimisation only: without it the parser filters.
  }
}

/** Linux: IPPROTO_IP / IP_MTU_DISCOVER, and IP_PMTUDISC_DO (always set Don't Fragment). */
const IP_MTU_DISCOVER = 10;
const IP_PMTUDISC_DO = 2;

/**
 * Sends IPv4 echoes with Don't Fragment set, as `ping -M do` does: a 36-byte packet never needs
 * fragments, and Linux gives a DF packet of an unconnected socket the IP identifier 0 instead of
 * drawing one from its shared, locked generator for every packet (a few % of a large cycle's
 * system time).
 */
function neverFragment(socket: raw.Socket, family: 4 | 6): void {
  if (process.platform !== 'linux' || family !== 4) return;
  try {
    socket.setOption(raw.SocketLevel.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO);
  } catch {
    // An optimisation only: without it the kernel picks an identifier per packet.
  }
}

/** A received packet: valid in `buffer` up to `bytes` until the next one is read (it is reused). */
export type PacketListener = (buffer: Buffer, bytes: number, source: string) => void;

/**
 * raw-socket's native handle is only weakly held: once nothing in JavaScript refers to a socket,
 * the garbage collector closes it under a run in progress. Open sockets are kept here until closed.
 */
const openSockets = new Set<IcmpSocket>();

/**
 * One raw ICMP (or ICMPv6) socket shared by every target of a family. raw-socket's own queue sends
 * one packet and reads one reply per turn of the event loop, and serves replies first when both
 * are ready: at 100,000 targets the sends wait behind the replies and a cycle takes many seconds.
 * So a packet goes out at once through the native handle when the socket takes it, and every
 * readiness event reads replies until none is left. Only when the kernel's buffer is full does a
 * packet wait in raw-socket's queue, which sends it strictly in order: one pair of callbacks and a
 * FIFO of (client, probe) replace a pair of closures per packet there.
 */
export class IcmpSocket {
  private readonly socket: raw.Socket;
  private clients: SendClient[] = [];
  private probes: number[] = [];
  private head = 0;
  /** raw-socket reports a malformed request synchronously, before it reaches its queue. */
  private submitting = false;
  private closed = false;

  /** Throws when raw sockets are refused (no CAP_NET_RAW, not administrator). */
  constructor(
    readonly family: 4 | 6,
    private readonly onPacket: PacketListener,
    private readonly onFailure: (error: Error) => void,
  ) {
    this.socket = raw.createSocket({
      addressFamily: family === 4 ? raw.AddressFamily.IPv4 : raw.AddressFamily.IPv6,
      protocol: family === 4 ? raw.Protocol.ICMP : raw.Protocol.ICMPv6,
      bufferSize: RECEIVE_PACKET_BYTES,
    });
    // A burst of thousands of replies must not overflow the kernel's queue while we are busy sending.
    this.socket.setOption(raw.SocketLevel.SOL_SOCKET, raw.SocketOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
    keepEchoRepliesOnly(this.socket, family);
    neverFragment(this.socket, family);
    this.socket.wrap.removeAllListeners('recvReady');
    this.socket.wrap.on('recvReady', this.drain);
    // raw-socket closes the socket after an error; whatever was still queued will never leave.
    this.socket.on('error', (error) => this.fail(error));
    openSockets.add(this);
  }

  /** Requests handed to raw-socket that have not left yet. */
  get backlog(): number {
    return this.clients.length - this.head;
  }

  send(packets: Buffer, offset: number, address: string, client: SendClient, probe: number): void {
    if (this.closed) {
      client.sent(probe, new Error(`the ICMPv${this.family} socket is closed`));
      return;
    }
    if (this.backlog === 0 && this.sendNow(packets, offset, address, client, probe)) return;
    this.clients.push(client);
    this.probes.push(probe);
    this.submitting = true;
    try {
      this.socket.send(packets, offset, PACKET_SIZE, address, this.beforeSend, this.afterSend);
    } finally {
      this.submitting = false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.socket.close();
    this.fail(new Error('the pinger was closed'), false);
  }

  /** Sends at once; false when the socket is full for now and the packet must wait its turn. */
  private sendNow(
    packets: Buffer,
    offset: number,
    address: string,
    client: SendClient,
    probe: number,
  ): boolean {
    try {
      this.socket.wrap.send(packets, offset, PACKET_SIZE, address, ignoreBytes);
    } catch (error) {
      if (WOULD_BLOCK.test((error as Error).message)) return false;
      client.sent(probe, error as Error);
      return true;
    }
    // Timed as sendto returns: its reply cannot be read before this turn of the event loop ends.
    client.sending(probe);
    client.sent(probe, null);
    return true;
  }

  /** Reads the replies waiting, up to a batch; the next readiness event reads the rest. */
  private readonly drain = (): void => {
    const { wrap, buffer } = this.socket;
    try {
      for (let i = 0; i < RECEIVE_BATCH && !this.closed; i++) wrap.recv(buffer, this.onPacket);
    } catch (error) {
      if (WOULD_BLOCK.test((error as Error).message)) return;
      // As raw-socket does with a failed read: the socket is given up.
      this.socket.close();
      this.fail(error as Error);
    }
  };

  private readonly beforeSend = (): void => {
    this.clients[this.head]!.sending(this.probes[this.head]!);
  };

  private readonly afterSend = (error: Error | null): void => {
    if (this.submitting) {
      // Rejected before queueing: it is the request being submitted, the last one pushed.
      const probe = this.probes.pop()!;
      this.clients.pop()!.sent(probe, error);
      return;
    }
    const client = this.clients[this.head]!;
    const probe = this.probes[this.head]!;
    this.advance();
    client.sent(probe, error);
  };

  private advance(): void {
    this.head++;
    if (this.head === this.clients.length) {
      this.clients.length = 0;
      this.probes.length = 0;
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.clients.length) {
      this.clients = this.clients.slice(this.head);
      this.probes = this.probes.slice(this.head);
      this.head = 0;
    }
  }

  private fail(error: Error, unexpected = true): void {
    if (this.closed) return;
    this.closed = true;
    openSockets.delete(this);
    const clients = this.clients.slice(this.head);
    const probes = this.probes.slice(this.head);
    this.clients = [];
    this.probes = [];
    this.head = 0;
    clients.forEach((client, i) => client.sent(probes[i]!, error));
    if (unexpected) this.onFailure(error);
  }
}
