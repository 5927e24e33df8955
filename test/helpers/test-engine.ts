import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startEngine, type RunningEngine, type StartEngineOptions } from '../../electron/engine/start-engine';

/**
 * A real engine for a test, in a fresh data folder: the demo network by default, headless, its
 * workers forked; `stop` ends it and removes the folder.
 */
export async function startTestEngine(
  name: string,
  options: Partial<Omit<StartEngineOptions, 'dataDir'>> = {},
): Promise<{ engine: RunningEngine; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `vigia-${name}-`));
  const engine = await startEngine({
    dataDir,
    demo: true,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '0.0.0-test',
    log: () => undefined,
    ...options,
  });
  return {
    engine,
    stop: async () => {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
