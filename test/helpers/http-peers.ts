import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalPeer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made by openssl for this test run. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), `vigia-tls-${process.pid}-`));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listen(server: Server | TcpServer, scheme: string): Promise<LocalPeer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    port,
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server on 127.0.0.1 answering with `handler`. */
export const startHttpPeer = (handler: RequestListener): Promise<LocalPeer> =>
  listen(createHttpServer(handler), 'http');

/** An HTTPS server on 127.0.0.1 with a self-signed certificate. */
export const startHttpsPeer = (handler: RequestListener, tls = selfSignedCertificate()): Promise<LocalPeer> =>
  listen(createHttpsServer(tls, handler), 'https');

/** A raw TCP server: `onSocket` decides what the far end does (e.g. send endless headers). */
export const startTcpPeer = (onSocket: (socket: Socket) => void): Promise<LocalPeer> =>
  listen(createTcpServer(onSocket), 'tcp');

/** Writes a status line, then one header every `everyMs`, forever: a far end that never finishes. */
export function endlessHeaders(socket: Socket, everyMs = 1): void {
  socket.once('data', () => {
    socket.write('HTTP/1.1 200 OK\r\n');
    let n = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) clearInterval(timer);
      else socket.write(`X-Filler-${n++}: ${'x'.repeat(200)}\r\n`);
    }, everyMs);
    socket.once('close', () => clearInterval(timer));
  });
  socket.on('error', () => undefined);
}
