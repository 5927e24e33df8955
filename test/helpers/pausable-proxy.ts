import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on loopback between a client and a server (PostgreSQL, here) that a test can
 * freeze — connections stay open and nothing moves, as with a server stopped by SIGSTOP or a
 * network that drops every packet — or cut, as with a server that went down: open connections
 * are reset and new ones refused until it is restored on the same port.
 */
export class PausableProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private readonly parked: Socket[] = [];
  private paused = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async listen(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** Nothing moves either way; new connections wait unanswered. */
  pause(): void {
    this.paused = true;
    for (const [client, upstream] of this.pairs) {
      client.pause();
      upstream.pause();
    }
  }

  resume(): void {
    this.paused = false;
    for (const [client, upstream] of this.pairs) {
      client.resume();
      upstream.resume();
    }
    for (const client of this.parked.splice(0)) this.relay(client);
  }

  /** Resets every connection and stops listening: clients get ECONNREFUSED until `restore`. */
  async cut(): Promise<void> {
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
    for (const client of this.parked.splice(0)) client.resetAndDestroy();
    await this.closeServer();
  }

  async restore(): Promise<void> {
    await this.listen();
  }

  async close(): Promise<void> {
    this.paused = false;
    await this.cut();
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.paused) {
      client.pause();
      this.parked.push(client);
    } else this.relay(client);
  }

  private relay(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const done = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', done);
    upstream.on('close', done);
    // Forwarded by hand, not piped: a pipe resumes a paused socket on its own after a drain.
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.resume();
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
