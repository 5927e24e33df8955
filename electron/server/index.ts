// The headless server: `node out/main/server.js [--demo] [--host 127.0.0.1] [--port 8787]
// [--data-dir DIR] [--pg-url URL] [--token T] [--accounts] [--tls-cert FILE --tls-key FILE]`. Serves the UI and
// the API, with the engine in a process of its own under plain Node; how Vigia runs on a server
// without a desktop, and how the UI is tested.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLanguage, translate } from '../../shared/i18n';
import { FIRST_ADMIN } from '../../shared/contract/accounts';
import { forkSpawner } from '../engine/collectors/spawner';
import { EngineProxy, engineEntry } from '../engine-proxy/engine-proxy';
import { checkBindPolicy, isLoopback } from './access';
import { startHttpServer } from './http-server';
import { installLoopProbe } from './loop-probe';
import { startObservabilityServer } from './observability-server';
import { loadOrCreateTls } from './tls';

const VERSION = process.env.npm_package_version ?? '0.1.0';

function fail(message: string): never {
  console.error(`vigia: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  installLoopProbe();
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      'data-dir': { type: 'string' },
      'pg-url': { type: 'string' },
      token: { type: 'string' },
      // Named users sign in even on loopback (always on with a token, hence off loopback).
      accounts: { type: 'boolean', default: false },
      // /health and /metrics on their own port ("off": not served; 0: any free port), on --host
      // unless --metrics-host says otherwise.
      'metrics-port': { type: 'string' },
      'metrics-host': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      // Webhooks and a Bot API on this machine (e.g. a local relay); off by default.
      'allow-loopback-destinations': { type: 'boolean', default: false },
    },
  });
  const token = values.token ?? process.env.VIGIA_TOKEN;
  const policy = checkBindPolicy(values.host, token);
  if (policy) fail(policy);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`invalid port "${values.port}"`);
  // The demo keeps its own store, so it never mixes simulated and real devices.
  const baseDir = values['data-dir'] ?? process.env.VIGIA_DATA_DIR ?? join(homedir(), '.vigia');
  const dataDir = resolve(values.demo && !values['data-dir'] ? join(baseDir, 'demo') : baseDir);
  const pgUrl = values['pg-url'] ?? process.env.VIGIA_PG_URL;
  const accounts = values.accounts || Boolean(token);

  // The engine runs in a process of its own, so this one stays free to serve the UI.
  let engine: EngineProxy;
  try {
    engine = await EngineProxy.start({
      spawner: forkSpawner,
      entry: engineEntry(),
      start: {
        dataDir,
        store: pgUrl ? { dialect: 'postgres', url: pgUrl } : undefined,
        demo: values.demo,
        runtime: 'headless',
        version: VERSION,
        access: accounts ? 'accounts' : 'local',
        allowLoopbackDestinations: values['allow-loopback-destinations'],
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  // Off loopback the token and the session cookie cross the network: TLS only.
  const wantsTls = !isLoopback(values.host) || Boolean(values['tls-cert'] || values['tls-key']);
  const tls = wantsTls
    ? await loadOrCreateTls({
        dataDir,
        host: values.host,
        certFile: values['tls-cert'],
        keyFile: values['tls-key'],
      }).catch((error: Error) => fail(`TLS: ${error.message}`))
    : undefined;
  const server = await startHttpServer({
    engine,
    host: values.host,
    port,
    rendererDir: resolve(__dirname, '../renderer'),
    accounts,
    token,
    tls,
  }).catch((error: Error) => fail(`cannot listen on ${values.host}:${port}: ${error.message}`));
  console.log(
    `Vigia ${VERSION}${values.demo ? ' (demo network)' : ''} — open ${server.url}${accounts ? ' and sign in with your user name and password' : ''}`,
  );
  // Printed once, at the start that created it: it only serves to choose a password of one's own.
  if (engine.firstAdminPassword)
    console.log(
      translate(defaultLanguage, 'accounts.firstAdmin', {
        name: FIRST_ADMIN,
        password: engine.firstAdminPassword,
      }),
    );
  if (tls)
    console.log(
      `TLS certificate${tls.generated ? ' generated now' : ''}, SHA-256 fingerprint: ${tls.fingerprint} — compare it with the one your browser shows before trusting it`,
    );
  console.log(`data: ${dataDir}${pgUrl ? ' (store: PostgreSQL)' : ''}`);
  const observability = await serveObservability(
    engine,
    values['metrics-host'] ?? values.host,
    values['metrics-port'],
    token,
    tls,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('vigia: stopping…');
    await server.close();
    await observability?.close();
    await engine.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const DEFAULT_METRICS_PORT = 9464;

/**
 * /health and /metrics, with the same access rule as the UI: a token off loopback. A busy default
 * port only costs the endpoints (a second server on one machine); a port asked for must be served.
 */
async function serveObservability(
  engine: EngineProxy,
  host: string,
  portText: string | undefined,
  token: string | undefined,
  tls: { cert: string; key: string } | undefined,
) {
  if (portText === 'off') return null;
  const port = portText === undefined ? DEFAULT_METRICS_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`invalid metrics port "${portText}"`);
  const policy = checkBindPolicy(host, token);
  if (policy) fail(policy);
  if (!isLoopback(host) && !tls) fail('/health and /metrics off loopback need the UI off loopback too (TLS)');
  try {
    const served = await startObservabilityServer({
      call: (method, input) => engine.call(method, input),
      host,
      port,
      token,
      tls,
    });
    console.log(`health and metrics: ${served.url}/health ${served.url}/metrics`);
    return served;
  } catch (error) {
    const message = `cannot serve /health and /metrics on ${host}:${port}: ${(error as Error).message}`;
    if (portText !== undefined) fail(message);
    console.error(`vigia: ${message} (choose another with --metrics-port, or "off")`);
    return null;
  }
}

void main();
