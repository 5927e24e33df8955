import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/faults/**/*.test.ts',
      'test/fuzz/**/*.test.ts',
    ],
    // Tests of Windows itself (schtasks, ACLs) are collected on Windows alone: elsewhere they are
    // not skipped tests but tests that do not exist, so that a Linux run skips nothing.
    exclude: [...configDefaults.exclude, ...(process.platform === 'win32' ? [] : ['**/*.windows.test.ts'])],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start real peers (PostgreSQL, snmpd, sshd, namespaces): one file at a time
    // keeps them from fighting over two cores and fixed ports.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
