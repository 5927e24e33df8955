import * as raw from 'raw-socket';
import { PACKET_SIZE } from './icmp-packet';

/** Who sent a probe: told the moment it leaves (for its RTT) and how the send went. */
export interface SendClient {
  sending(probe: number): void;
  sent(probe: number, error: Error | null): void;
}

const RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
/** Enough for an IPv4 header with options plus an ICMP error quoting our whole probe. */
const RECEIVE_PACKET_BYTES = 1500;

/**
 * raw-socket's native handle is only weakly held: once nothing in JavaScript refers to a socket,
 * the garbage collector closes it under a run in progress. Open sockets are kept here until closed.
 */
const openSockets = new Set<IcmpSocket>();

/**
 * One raw ICMP (or ICMPv6) socket shared by every target of a family. raw-socket sends queued
 * requests strictly in order, so one pair of callbacks and a FIFO of (client, probe) replace a
 * pair of closures per packet.
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
    onMessage: (packet: Buffer, source: string) => void,
    private readonly onFailure: (error: Error) => void,
  ) {
    this.socket = raw.createSocket({
      addressFamily: family === 4 ? raw.AddressFamily.IPv4 : raw.AddressFamily.IPv6,
      protocol: family === 4 ? raw.Protocol.ICMP : raw.Protocol.ICMPv6,
      bufferSize: RECEIVE_PACKET_BYTES,
    });
    // A burst of thousands of replies must not overflow the kernel's queue while we are busy sending.
    this.socket.setOption(raw.SocketLevel.SOL_SOCKET, raw.SocketOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
    this.socket.on('message', onMessage);
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
