// @ts-check
import boundaries from 'eslint-plugin-boundaries';
import { engineDomains, layers, workerImports } from './layers.mjs';

/**
 * eslint-plugin-boundaries configuration built from the layer map in layers.mjs. For each layer
 * (and each engine domain, each worker with extra needs) two policies: first "disallow anything"
 * with a message that says what the layer may import, then "allow" its list. Policies are
 * last-match-wins, so an allowed import passes and any other one fails with that message.
 */

const layerEntries = Object.entries(layers);

/** The entity selector of a layer: folders are boundaries elements, file sets are file categories. */
function layerSelector(name, captured) {
  const layer = layers[name];
  if (!layer) throw new Error(`eslint/layers.mjs: unknown layer "${name}"`);
  if (layer.files) return { file: { categories: name } };
  return { element: captured ? { type: name, captured } : { type: name } };
}

/** A reference from a `may` list (see layers.mjs) as an entity selector. */
function resolveReference(reference) {
  if (reference === '*') return [{ element: { type: '*' } }, { file: { categories: '*' } }];
  const [head, ...rest] = reference.split('/');
  if (head === 'engine' && rest.length > 0) {
    const [domain, file] = rest;
    const element = domain === '*' ? { type: 'engine' } : { type: 'engine', captured: { domain } };
    return [{ element: file ? { ...element, fileInternalPath: file } : element }];
  }
  if (rest.length === 1) return [{ element: { type: head, fileInternalPath: rest[0] } }];
  return [layerSelector(reference)];
}

const resolveAll = (references) => references.flatMap(resolveReference);
const anything = resolveReference('*');

/** "Disallow all, with this message", then "allow these": the pair that every layer gets. */
const allowOnly = (from, allowed, message) => [
  { from, disallow: { to: anything }, message },
  { from, allow: { to: allowed } },
];

/** Layers that may import anything (the tests): nothing to check, so the rule is off there. */
const unchecked = layerEntries.filter(([, layer]) => layer.may.includes('*'));

const layerPolicies = layerEntries
  .filter(([, layer]) => !layer.capture && !layer.may.includes('*'))
  .flatMap(([name, layer]) =>
    allowOnly(
      layerSelector(name),
      [layerSelector(name), ...resolveAll(layer.may)],
      `${name} (${layer.folder ?? layer.files}) may import only ${layer.may.join(', ') || 'itself'}, not '{{dependency.source}}' (allow-list: eslint/layers.mjs).`,
    ),
  );

const sharedRefs = ['shared-contract', 'shared-domain', 'shared-i18n'];
const domainPolicies = Object.entries(engineDomains).flatMap(([domain, may]) =>
  allowOnly(
    layerSelector('engine', { domain }),
    resolveAll([
      `engine/${domain}`,
      ...may.map((other) => `engine/${other}`),
      'engine-kernel',
      ...sharedRefs,
    ]),
    `electron/engine/${domain} may import only ${[...may, 'engine-kernel', 'shared'].join(', ')}, not '{{dependency.source}}'. To change it, edit engineDomains.${domain} in eslint/layers.mjs (no cycles).`,
  ),
);

/** A domain folder nobody has listed yet: every import fails with what to add, not a riddle. */
const unlistedDomainPolicy = {
  from: layerSelector('engine', { domain: `!(${Object.keys(engineDomains).join('|')})` }),
  disallow: { to: anything },
  message:
    'electron/engine/{{from.captured.domain}} is a new engine domain: add `{{from.captured.domain}}: [the domains it may import]` to engineDomains in eslint/layers.mjs (README, "Adding an engine domain").',
};

const workerPolicies = [
  ...allowOnly(
    layerSelector('worker'),
    [
      layerSelector('worker', { name: '{{from.captured.name}}' }),
      ...resolveAll(['worker-host', ...sharedRefs]),
    ],
    "electron/workers/{{from.captured.name}} may import only its own folder, electron/workers/host and shared/ (plus what workerImports in eslint/layers.mjs lists for it), not '{{dependency.source}}'.",
  ),
  ...Object.entries(workerImports).map(([name, may]) => ({
    from: layerSelector('worker', { name }),
    allow: { to: resolveAll(may) },
  })),
];

const ruleConfig = {
  files: ['**/*.{ts,tsx,mts,mjs}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': layerEntries
      .filter(([, layer]) => layer.folder)
      .map(([type, layer]) => ({
        type,
        pattern: layer.folder,
        partialMatch: false,
        ...(layer.capture ? { capture: [layer.capture] } : {}),
      })),
    'boundaries/files': layerEntries
      .filter(([, layer]) => layer.files)
      .map(([category, layer]) => ({ category, pattern: layer.files })),
    'boundaries/legacy-templates': false,
    // Imports are relative TypeScript paths (no aliases), so the node resolver with these extensions suffices.
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js'] } },
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [...layerPolicies, ...domainPolicies, unlistedDomainPolicy, ...workerPolicies],
      },
    ],
  },
};

export const boundariesConfig = [
  ruleConfig,
  {
    files: unchecked.map(([, layer]) => `${layer.folder}/**`),
    rules: { 'boundaries/dependencies': 'off' },
  },
];
