import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { HttpProbeSpec } from '../../../shared/contract/synthetic-worker';
import type { z } from 'zod';
import { detailOf, errorCodeOf, failed, ms, type ProbeResult } from './outcome';

type HttpSpec = z.output<typeof HttpProbeSpec>;

/** How much of the body is searched for the expected text; a page larger than this is cut. */
const BODY_LIMIT = 1024 * 1024;
const USER_AGENT = 'Vigia-synthetic/1';

interface Marks {
  start: number;
  lookup: number | null;
  connect: number | null;
  secure: number | null;
  response: number | null;
}

function timingsOf(marks: Marks) {
  const { start, lookup, connect, secure, response } = marks;
  const since = (from: number | null, to: number | null) =>
    from === null || to === null ? null : ms(Math.max(0, to - from));
  return {
    dnsMs: since(start, lookup),
    connectMs: since(lookup ?? start, connect),
    tlsMs: since(connect, secure),
    firstByteMs: since(secure ?? connect, response),
    totalMs: ms(performance.now() - start),
  };
}

/** Reads the body until `text` shows up, the body ends, or BODY_LIMIT bytes have been seen. */
function bodyContains(response: IncomingMessage, text: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let bytes = 0;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      // Keep only what a match could still start in, so a large page is not held in memory.
      seen = (seen + chunk).slice(-(BODY_LIMIT + text.length));
      if (seen.includes(text)) resolve(true);
      else if (bytes >= BODY_LIMIT) resolve(false);
    });
    response.once('end', () => resolve(seen.includes(text)));
    response.once('error', reject);
  });
}

/**
 * One GET on a fresh connection (no keep-alive, so each round measures the whole path): the time
 * of the name lookup, the TCP connect, the TLS handshake and the first byte of the response, then
 * the status and, if asked, a text in the body. Every way it can go wrong ends within the timeout.
 */
export function probeHttp(spec: HttpSpec, timeoutMs: number): Promise<ProbeResult> {
  const marks: Marks = {
    start: performance.now(),
    lookup: null,
    connect: null,
    secure: null,
    response: null,
  };
  const url = new URL(spec.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      resolve(result);
    };
    const fail = (error: unknown) =>
      finish(failed(errorCodeOf(error), detailOf(error), timingsOf(marks), null));
    const req = request(url, {
      method: 'GET',
      agent: false,
      rejectUnauthorized: !spec.ignoreTlsErrors,
      headers: { 'user-agent': USER_AGENT, accept: '*/*' },
    });
    const deadline = setTimeout(
      () => finish(failed('timeout', `${timeoutMs} ms`, timingsOf(marks))),
      timeoutMs,
    );
    req.once('socket', (socket) => {
      socket.once('lookup', () => (marks.lookup = performance.now()));
      socket.once('connect', () => (marks.connect = performance.now()));
      socket.once('secureConnect', () => (marks.secure = performance.now()));
    });
    req.once('error', fail);
    req.once('response', (response) => {
      marks.response = performance.now();
      const status = response.statusCode ?? 0;
      const timings = timingsOf(marks);
      if (status !== spec.expectStatus) {
        finish(failed('unexpected_status', String(status), timings, status));
        return;
      }
      const pass = () => finish({ ok: true, error: null, status, detail: null, timings: timingsOf(marks) });
      if (spec.expectText === null) {
        pass();
        return;
      }
      bodyContains(response, spec.expectText).then(
        (found) => (found ? pass() : finish(failed('text_missing', null, timingsOf(marks), status))),
        fail,
      );
    });
    req.end();
  });
}
