// A worker for the worker-host tests: echoes, sleeps, crashes, misbehaves and emits on request.
import { z } from 'zod';
import { serveWorker } from '../../electron/workers/host/serve-worker';

export const testWorkerApi = {
  echo: { params: z.object({ text: z.string() }), result: z.object({ text: z.string(), pid: z.number() }) },
  slow: { params: z.object({ ms: z.number().int().nonnegative() }), result: z.literal('done') },
  crash: { params: z.void(), result: z.void() },
  fail: { params: z.void(), result: z.void() },
  throwAtOnce: { params: z.void(), result: z.void() },
  lie: { params: z.void(), result: z.object({ text: z.string() }) },
  unsendable: { params: z.void(), result: z.unknown() },
  garbage: { params: z.void(), result: z.void() },
  emit: { params: z.object({ value: z.number() }), result: z.void() },
};

if (process.env.VIGIA_WORKER) {
  const worker: { emit(event: string, data: unknown): void } = serveWorker('test', testWorkerApi, {
    echo: async ({ text }) => ({ text, pid: process.pid }),
    slow: ({ ms }) => new Promise((resolve) => setTimeout(() => resolve('done'), ms)),
    crash: async () => process.exit(3),
    fail: async () => {
      throw new Error('the handler failed on purpose');
    },
    // Not async: throws before it has a promise to reject.
    throwAtOnce: () => {
      throw new Error('thrown before any promise');
    },
    // Breaks its own contract, to show the parent validates results.
    lie: async () => ({ text: 42 }) as unknown as { text: string },
    // A function cannot cross a process boundary.
    unsendable: async () => () => undefined,
    // Talks to the parent outside the protocol, as a buggy worker would.
    garbage: async () => {
      process.send?.({ nonsense: true });
    },
    emit: async ({ value }): Promise<void> => worker.emit('tick', { value }),
  });
}
