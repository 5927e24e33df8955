import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import * as packet from 'dns-packet';

export interface LocalDnsServer {
  /** `127.0.0.1:PORT`, as a resolver address for a check. */
  readonly address: string;
  readonly port: number;
  /** Queries received so far. */
  readonly queries: number;
  close(): Promise<void>;
}

export interface DnsServerOptions {
  /** name → IPv4 answers; any other name gets NXDOMAIN. */
  records: Record<string, string[]>;
  /** Delay before each answer. */
  latencyMs?: number;
  /** Receive queries and never answer (a resolver that is down behind a firewall). */
  silent?: boolean;
}

/** A real DNS server over UDP on 127.0.0.1, so DNS checks are tested against a peer. */
export async function startDnsServer(options: DnsServerOptions): Promise<LocalDnsServer> {
  const socket: Socket = createSocket('udp4');
  let queries = 0;
  socket.on('message', (message, remote) => {
    queries++;
    if (options.silent) return;
    const query = packet.decode(message);
    const question = query.questions?.[0];
    const name = question?.name.toLowerCase() ?? '';
    const addresses = options.records[name];
    const answer = packet.encode({
      type: 'response',
      id: query.id,
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (addresses ? 0 : 3),
      questions: query.questions,
      answers:
        addresses && question?.type === 'A'
          ? addresses.map((data) => ({ type: 'A' as const, name, ttl: 60, class: 'IN' as const, data }))
          : [],
    });
    const send = () => socket.send(answer, remote.port, remote.address);
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    port,
    get queries() {
      return queries;
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
