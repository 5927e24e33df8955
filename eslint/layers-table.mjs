// @ts-check
import { engineDomains, layers, workerImports } from './layers.mjs';

/**
 * The README's architecture tables, generated from layers.mjs so the picture a reader sees is the
 * one ESLint enforces (test/unit/eslint/layers-table.test.ts compares them).
 */
export function layersTable() {
  const code = (text) => `\`${text}\``;
  const rows = Object.entries(layers).map(
    ([name, layer]) =>
      `| ${name} | ${code(layer.folder ?? layer.files)} | ${layer.runsIn} | ${layer.may.join(', ') || '—'} |`,
  );
  const domainRows = Object.entries(engineDomains).map(
    ([domain, may]) => `| ${code(`electron/engine/${domain}`)} | ${may.join(', ') || '—'} |`,
  );
  const workerRows = Object.entries(workerImports).map(
    ([name, may]) => `| ${code(`electron/workers/${name}`)} | ${may.join(', ')} |`,
  );
  return [
    '| Layer | Path | Runs in | May import (besides itself) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '| Engine domain | May import (besides itself, shared/ and the engine kernel) |',
    '| --- | --- |',
    ...domainRows,
    '',
    '| Worker | Also may import |',
    '| --- | --- |',
    ...workerRows,
  ].join('\n');
}
