// @ts-check
/**
 * Which code may import which: the one map of Vigia's layers, an allow-list as VS Code's is.
 * Every source file belongs to exactly one layer, named by its path; an import between layers is
 * an error unless the importer's `may` list names the target, and a file that no layer covers is
 * an error too. eslint/boundaries.mjs turns this map into eslint-plugin-boundaries rules, and the
 * README's architecture tables are generated from it (eslint/layers-table.mjs, checked by a test).
 *
 * A reference in a `may` list is a layer name, `engine/<domain>`, `engine/*` (every domain), or a
 * single file inside a layer: `engine/<domain>/<file>.ts`, `server/<file>.ts`.
 *
 * Adding an engine domain (electron/engine/<domain>/): add one line to `engineDomains` naming the
 * domains it may import (lower ones only: the map must stay free of cycles), then add the domain to
 * the list of each domain that imports it (usually `api`; the composition root imports them all).
 * Adding a worker (electron/workers/<name>/): nothing, unless it needs more than its own folder,
 * the worker host and shared/ (then a line in `workerImports`).
 */

const shared = ['shared-contract', 'shared-domain', 'shared-i18n'];

/**
 * What each engine domain may import besides its own folder, shared/ and the engine kernel
 * (event-bus.ts, engine.ts), from the bottom up.
 */
export const engineDomains = {
  store: [],
  net: [],
  collectors: [],
  alarms: ['store'],
  inventory: ['store'],
  cluster: ['store'],
  monitor: ['store', 'alarms', 'inventory'],
  snmp: ['store', 'alarms', 'inventory', 'collectors'],
  backup: ['store', 'alarms', 'collectors', 'cluster'],
  optical: ['store', 'alarms', 'collectors', 'cluster'],
  notify: ['store', 'alarms', 'inventory', 'monitor', 'net'],
  health: ['monitor', 'store'],
  settings: ['store', 'monitor', 'snmp'],
  traps: ['store', 'alarms', 'inventory', 'settings', 'collectors', 'cluster'],
  outage: ['alarms'],
  logging: [],
  observability: ['store', 'logging'],
  synthetic: ['store', 'alarms', 'collectors', 'observability', 'outage', 'cluster'],
  self: ['store', 'alarms'],
  'store-backup': ['store'],
  reports: ['store'],
  accounts: ['store'],
  topology: ['store', 'collectors'],
  demo: ['store', 'backup', 'optical', 'collectors', 'synthetic'],
  api: [
    'store',
    'accounts',
    'alarms',
    'backup',
    'monitor',
    'notify',
    'optical',
    'settings',
    'snmp',
    'traps',
    'outage',
    'synthetic',
    'observability',
    'store-backup',
    'self',
    'reports',
    'topology',
    'cluster',
  ],
};

/** What a process around the engine may reach of it: the hosts never import a domain's logic. */
const engineForHosts = [
  'engine-kernel', // the Engine interface
  'engine/api/errors.ts', // any failure as the ApiError sent back to a client
  'engine/collectors', // how a host forks a worker (child process or utility process)
];

/**
 * The layers, each a folder (`folder`) or a set of files (`files`), with the process it runs in
 * and what it may import besides itself. Listed from the bottom up.
 */
export const layers = {
  'shared-i18n': { folder: 'shared/i18n', runsIn: 'every process (pure)', may: [] },
  'shared-contract': { folder: 'shared/contract', runsIn: 'every process (pure)', may: ['shared-i18n'] },
  'shared-domain': {
    folder: 'shared/domain',
    runsIn: 'every process (pure)',
    may: ['shared-contract', 'shared-i18n'],
  },
  'engine-kernel': { files: 'electron/engine/{event-bus,engine}.ts', runsIn: 'engine', may: shared },
  engine: {
    folder: 'electron/engine/*',
    capture: 'domain',
    runsIn: 'engine',
    may: ['its own folder', ...shared, 'engine-kernel', 'the domains engineDomains lists'],
  },
  'engine-root': {
    files: 'electron/engine/start-engine.ts',
    runsIn: 'engine',
    may: [...shared, 'engine-kernel', 'engine/*'],
  },
  'worker-host': { folder: 'electron/workers/host', runsIn: 'each worker', may: shared },
  worker: {
    folder: 'electron/workers/*',
    capture: 'name',
    runsIn: 'its own worker process',
    may: ['its own folder', 'worker-host', ...shared, 'what workerImports lists'],
  },
  'engine-proxy': {
    folder: 'electron/engine-proxy',
    runsIn: 'Electron main / headless server',
    may: [...shared, ...engineForHosts, 'engine/store/secret-cipher.ts'],
  },
  server: {
    folder: 'electron/server',
    runsIn: 'headless server',
    may: [...shared, 'engine-proxy', ...engineForHosts],
  },
  main: {
    folder: 'electron/main',
    runsIn: 'Electron main (the only Electron code)',
    // The app:// protocol serves the renderer's files the way the headless server does.
    may: [
      ...shared,
      'engine-proxy',
      ...engineForHosts,
      'server/static-files.ts',
      'server/observability-server.ts',
    ],
  },
  preload: { folder: 'electron/preload', runsIn: 'Electron preload (sandboxed)', may: ['shared-contract'] },
  renderer: { folder: 'renderer/src', runsIn: 'renderer (browser)', may: shared },
  build: { folder: 'build', runsIn: 'build scripts', may: shared },
  config: { files: '{*.ts,*.mjs,eslint/*.mjs,.ci/*.mjs}', runsIn: 'tooling', may: ['build'] },
  test: { folder: 'test', runsIn: 'vitest / Playwright', may: ['*'] },
};

/** What a worker needs beyond its own folder, the worker host and shared/. */
export const workerImports = {
  /** The engine process: starts the engine, answers its host, asks it to unseal secrets. */
  engine: ['engine-root', 'engine/api/errors.ts', 'engine/collectors', 'engine/store/secret-cipher.ts'],
};
