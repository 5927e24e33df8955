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
    // Limits that only stop a hung test: real engines, PostgreSQL and worker processes start in
    // seconds on a quiet machine and take many times that on a loaded one. What a test proves
    // about time it asserts itself.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for something to become true; its default of one second is a readiness
    // deadline a loaded CI machine overruns (a poll that passes returns at once, so a generous
    // default costs nothing). What a test proves about time it asserts on measured figures.
    expect: { poll: { timeout: 15_000 } },
    // Integration suites start real peers (PostgreSQL, snmpd, sshd, namespaces): one file at a time
    // keeps them from fighting over two cores and fixed ports.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
