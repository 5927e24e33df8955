import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker runs: out/main/workers/<name>.js beside the built main bundle, or the source
 * electron/workers/<name>/index.ts when running from source (tests, development). The bundler may put
 * this code in out/main itself or in out/main/chunks, so both are looked at; the working directory
 * is not, since a packaged app runs from anywhere and must never pick up another build's worker.
 */
export function resolveWorkerEntry(name: string): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'workers', `${name}.js`),
    resolve(here, '../workers', `${name}.js`),
    resolve(here, '../../workers', name, 'index.ts'),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`worker "${name}" not found (looked in ${candidates.join(', ')})`);
  return found;
}
