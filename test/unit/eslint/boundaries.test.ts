import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM module of the lint configuration, without type declarations
import { engineDomains } from '../../../eslint/layers.mjs';

/**
 * The layer rules run through the project's own ESLint configuration on fixture sources placed at
 * the paths whose layer they test (lintText: no file is written; the imported files are real).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath });
  return results
    .flatMap((result) => result.messages)
    .filter((message) => message.ruleId?.startsWith('boundaries/'))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer allow-list (eslint/layers.mjs)', () => {
  it('passes an import the importer’s layer allows', async () => {
    const code = "import type { AlarmPort } from '../alarms/port';\nexport type Port = AlarmPort;\n";
    expect(await boundaryErrors('electron/engine/monitor/fixture.ts', code)).toEqual([]);
  });

  it('fails an import that goes up the engine’s domains, naming what the domain may import', async () => {
    const code = "import type { AlarmPort } from '../alarms/port';\nexport type Port = AlarmPort;\n";
    expect(await boundaryErrors('electron/engine/store/fixture.ts', code)).toEqual([
      "boundaries/dependencies: electron/engine/store may import only engine-kernel, shared, not '../alarms/port'. To change it, edit engineDomains.store in eslint/layers.mjs (no cycles).",
    ]);
  });

  it('fails the renderer importing engine code', async () => {
    const code =
      "import { toApiError } from '../../../electron/engine/api/errors';\nexport const f = toApiError;\n";
    expect(await boundaryErrors('renderer/src/app/fixture.ts', code)).toEqual([
      "boundaries/dependencies: renderer (renderer/src) may import only shared-contract, shared-domain, shared-i18n, not '../../../electron/engine/api/errors' (allow-list: eslint/layers.mjs).",
    ]);
  });

  it('fails one worker importing another’s code', async () => {
    const code = "import { nowMs } from '../pinger/clock';\nexport const c = nowMs;\n";
    expect(await boundaryErrors('electron/workers/snmp/fixture.ts', code)).toEqual([
      "boundaries/dependencies: electron/workers/snmp may import only its own folder, electron/workers/host and shared/ (plus what workerImports in eslint/layers.mjs lists for it), not '../pinger/clock'.",
    ]);
  });

  it('fails a file that no layer covers', async () => {
    expect(await boundaryErrors('electron/engine/stray.ts', 'export const stray = 1;\n')).toEqual([
      'boundaries/no-unknown-files: File does not match any file pattern and does not belong to any known element',
    ]);
  });

  it('tells a new, unlisted engine domain what to add', async () => {
    const code = "import type { Repository } from '../store/repository';\nexport type R = Repository;\n";
    expect(await boundaryErrors('electron/engine/outage-fixture/service.ts', code)).toEqual([
      'boundaries/dependencies: electron/engine/outage-fixture is a new engine domain: add `outage-fixture: [the domains it may import]` to engineDomains in eslint/layers.mjs (README, "Adding an engine domain").',
    ]);
  });

  it('lists every engine domain folder, without cycles between domains', () => {
    const domains = engineDomains as Record<string, string[]>;
    const folders = readdirSync('electron/engine', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(domains).sort()).toEqual(folders);
    // Listed bottom-up: a domain may import only domains listed before it, so no cycle can form.
    const order = Object.keys(domains);
    for (const [domain, may] of Object.entries(domains)) {
      for (const other of may)
        expect(order.indexOf(other), `${domain} → ${other}`).toBeLessThan(order.indexOf(domain));
    }
  });
});
