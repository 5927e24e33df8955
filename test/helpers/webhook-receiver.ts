import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PausableProxy } from './pausable-proxy';

export interface ReceivedHook {
  idempotencyKey: string;
  body: string;
}

/**
 * A local webhook endpoint as an integrator would run it: it accepts each POST with 204 and, like
 * the README asks of receivers, drops a repeated Idempotency-Key (kept in `repeats`, so a test sees
 * what the sender sent twice). Reached through a relay that a test can cut (connections refused)
 * and restore on the same port; `failWith` makes it answer an error status instead.
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  readonly repeats: ReceivedHook[] = [];
  failWith: number | null = null;
  private readonly server: Server;
  private relay: PausableProxy | null = null;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (this.failWith !== null) return void res.writeHead(this.failWith).end();
        const hook = {
          idempotencyKey: String(req.headers['idempotency-key']),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const seen = this.received.some((earlier) => earlier.idempotencyKey === hook.idempotencyKey);
        (seen ? this.repeats : this.received).push(hook);
        res.writeHead(204).end();
      });
    });
  }

  /** Starts it; returns the URL to configure (the relay's). */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.relay = new PausableProxy((this.server.address() as AddressInfo).port);
    return `http://127.0.0.1:${await this.relay.listen()}/vigia`;
  }

  /** Connections refused, as with the integrator's service down. */
  cut(): Promise<void> {
    return this.relay!.cut();
  }

  restore(): Promise<void> {
    return this.relay!.restore();
  }

  async close(): Promise<void> {
    await this.relay?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
