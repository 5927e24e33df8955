import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeRequest, type ProbeSpecInput } from '../../../shared/contract/synthetic-worker';
import { runProbes } from '../../../electron/workers/synthetic/run-probes';
import { startDnsServer, type LocalDnsServer } from '../../helpers/dns-server';
import {
  endlessHeaders,
  startHttpPeer,
  startHttpsPeer,
  startTcpPeer,
  type LocalPeer,
} from '../../helpers/http-peers';

const probe = async (spec: ProbeSpecInput, timeoutMs = 2_000) => {
  const [outcome] = await runProbes([ProbeRequest.parse({ id: 1, spec, timeoutMs })], 1);
  return outcome!;
};

describe('synthetic probes against real peers on loopback', () => {
  let dns: LocalDnsServer;
  let slowDns: LocalDnsServer;
  let silentDns: LocalDnsServer;
  let web: LocalPeer;
  let tls: LocalPeer;
  let headers: LocalPeer;

  beforeAll(async () => {
    dns = await startDnsServer({ records: { 'portal.isp.test': ['10.1.2.3', '10.1.2.4'] } });
    slowDns = await startDnsServer({ records: { 'portal.isp.test': ['10.1.2.3'] }, latencyMs: 150 });
    silentDns = await startDnsServer({ records: {}, silent: true });
    web = await startHttpPeer((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('late'), 3_000).unref();
      else if (req.url === '/down') res.writeHead(503).end('maintenance');
      else res.end('<html>Bem-vindo ao portal do assinante</html>');
    });
    tls = await startHttpsPeer((_req, res) => res.end('painel do roteador'));
    headers = await startTcpPeer((socket) => endlessHeaders(socket));
  });
  afterAll(async () => {
    await Promise.all([dns, slowDns, silentDns, web, tls, headers].map((peer) => peer.close()));
  });

  it('resolves a name on every resolver and lists the answers', async () => {
    const outcome = await probe({
      kind: 'dns',
      query: 'portal.isp.test',
      resolvers: [dns.address, slowDns.address],
    });
    expect(outcome).toMatchObject({ id: 1, ok: true, error: null, detail: '10.1.2.3 10.1.2.4' });
    // The slowest resolver sets the time: the one that waits 150 ms.
    expect(outcome.timings.dnsMs).toBeGreaterThanOrEqual(150);
    expect(outcome.timings.dnsMs).toBeLessThan(1_000);
  });

  it('fails a name that does not exist with "not found", naming the resolver', async () => {
    const outcome = await probe({ kind: 'dns', query: 'nao-existe.isp.test', resolvers: [dns.address] });
    expect(outcome).toMatchObject({ ok: false, error: 'not_found', detail: `${dns.address} ENOTFOUND` });
  });

  it('fails within the timeout on a resolver that never answers', async () => {
    const started = Date.now();
    const outcome = await probe(
      { kind: 'dns', query: 'portal.isp.test', resolvers: [dns.address, silentDns.address] },
      500,
    );
    expect(outcome).toMatchObject({ ok: false, error: 'timeout' });
    expect(outcome.detail).toMatch(new RegExp(`^${silentDns.address} `));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(silentDns.queries).toBeGreaterThan(0);
  });

  it('fails when the expected answer is not among the records', async () => {
    const outcome = await probe({
      kind: 'dns',
      query: 'portal.isp.test',
      resolvers: [dns.address],
      expectAnswer: '10.9.9.9',
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: 'answer_mismatch',
      detail: `${dns.address} 10.1.2.3 10.1.2.4`,
    });
  });

  it('times an HTTP GET phase by phase and finds the expected text', async () => {
    const outcome = await probe({ kind: 'http', url: `${web.url}/`, expectText: 'portal do assinante' });
    expect(outcome).toMatchObject({ ok: true, status: 200, error: null });
    expect(outcome.timings.dnsMs).toBeNull(); // an IP address: no lookup
    expect(outcome.timings.tlsMs).toBeNull();
    expect(outcome.timings.connectMs).not.toBeNull();
    expect(outcome.timings.firstByteMs).not.toBeNull();
    expect(outcome.timings.totalMs).toBeGreaterThanOrEqual(outcome.timings.firstByteMs!);
  });

  it('reports a missing text and an unexpected status', async () => {
    expect(await probe({ kind: 'http', url: `${web.url}/`, expectText: 'Página de erro' })).toMatchObject({
      ok: false,
      error: 'text_missing',
      status: 200,
    });
    expect(await probe({ kind: 'http', url: `${web.url}/down` })).toMatchObject({
      ok: false,
      error: 'unexpected_status',
      status: 503,
      detail: '503',
    });
    expect(await probe({ kind: 'http', url: `${web.url}/down`, expectStatus: 503 })).toMatchObject({
      ok: true,
    });
  });

  it('gives up on a slow server at the timeout', async () => {
    const outcome = await probe({ kind: 'http', url: `${web.url}/slow` }, 400);
    expect(outcome).toMatchObject({ ok: false, error: 'timeout', detail: '400 ms' });
    expect(outcome.timings.totalMs).toBeLessThan(1_000);
  });

  it('stops reading a server that sends endless headers', async () => {
    const outcome = await probe({ kind: 'http', url: headers.url.replace('tcp:', 'http:') }, 5_000);
    expect(outcome).toMatchObject({ ok: false, error: 'headers_too_large', detail: 'HPE_HEADER_OVERFLOW' });
  });

  it('refuses a self-signed certificate unless told to accept it, and times the TLS handshake', async () => {
    const strict = await probe({ kind: 'http', url: tls.url });
    expect(strict).toMatchObject({ ok: false, error: 'tls', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const lenient = await probe({
      kind: 'http',
      url: tls.url,
      ignoreTlsErrors: true,
      expectText: 'roteador',
    });
    expect(lenient).toMatchObject({ ok: true, status: 200 });
    expect(lenient.timings.tlsMs).not.toBeNull();
  });

  it('connects over TCP, and reports a refused port', async () => {
    expect(await probe({ kind: 'tcp', host: '127.0.0.1', port: web.port })).toMatchObject({
      ok: true,
      detail: '127.0.0.1',
    });
    const closed = await startTcpPeer(() => undefined);
    await closed.close();
    expect(await probe({ kind: 'tcp', host: '127.0.0.1', port: closed.port })).toMatchObject({
      ok: false,
      error: 'refused',
      detail: 'ECONNREFUSED',
    });
  });

  it('keeps one outcome per probe, in order, when some fail', async () => {
    const requests = [
      { id: 7, spec: { kind: 'tcp', host: '127.0.0.1', port: web.port }, timeoutMs: 1_000 },
      { id: 8, spec: { kind: 'dns', query: 'x.isp.test', resolvers: [dns.address] }, timeoutMs: 1_000 },
      { id: 9, spec: { kind: 'http', url: `${web.url}/` }, timeoutMs: 1_000 },
    ].map((request) => ProbeRequest.parse(request));
    const outcomes = await runProbes(requests, 2);
    expect(outcomes.map((outcome) => [outcome.id, outcome.ok])).toEqual([
      [7, true],
      [8, false],
      [9, true],
    ]);
  });
});
