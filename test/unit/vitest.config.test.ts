import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The unit tests vitest.config.ts collects sit at the mirrored path of their source, so a reader
 * finds the test of `x.ts` at `test/unit/<same path>/x.test.ts`. One source may have several test
 * files, each named for its aspect: `x.<aspect>.test.ts` (e.g. `start-with-system.windows.test.ts`).
 */
const UNIT = 'test/unit';
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The source a unit test mirrors, or null when it mirrors none. */
function mirroredSource(testPath: string): string | null {
  const base = relative(UNIT, testPath).replace(/\.test\.tsx?$/, '');
  const candidates = [base, base.replace(/\.[^./]+$/, '')];
  for (const candidate of candidates) {
    const ext = SOURCE_EXTENSIONS.find((extension) => existsSync(candidate + extension));
    if (ext) return candidate + ext;
  }
  return null;
}

describe('unit test layout', () => {
  it('puts every unit test at the mirrored path of a source file', () => {
    const strays = testFiles(UNIT).filter((path) => mirroredSource(path) === null);
    expect(strays, 'move each to test/unit/<path of its source>/<file>[.<aspect>].test.ts').toEqual([]);
  });

  it('finds the source of a plain and of an aspect test, and none for a stray', () => {
    expect(mirroredSource('test/unit/electron/main/tray.test.ts')).toBe('electron/main/tray.ts');
    expect(mirroredSource('test/unit/electron/main/start-with-system.windows.test.ts')).toBe(
      'electron/main/start-with-system.ts',
    );
    expect(mirroredSource('test/unit/main/tray.test.ts')).toBeNull();
  });
});
