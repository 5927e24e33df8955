import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The file a worker runs: out/main/workers/<name>.js beside the built main bundle, or the source
 * electron/workers/<name>.ts when running from source (tests, development).
 */
export function resolveWorkerEntry(name: string): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(new URL(import.meta.url).pathname);
  const candidates = [
    join(here, 'workers', `${name}.js`),
    resolve(here, '../../workers', `${name}.ts`),
    resolve(process.cwd(), 'out/main/workers', `${name}.js`),
    resolve(process.cwd(), 'electron/workers', `${name}.ts`),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`worker "${name}" not found (looked in ${candidates.join(', ')})`);
  return found;
}
