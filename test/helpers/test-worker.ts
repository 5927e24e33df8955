// A worker for the worker-host tests: echoes, sleeps, crashes and emits on request.
import { z } from 'zod';
import { serveWorker } from '../../electron/engine/workers/serve';

export const testWorkerApi = {
  echo: { params: z.object({ text: z.string() }), result: z.object({ text: z.string(), pid: z.number() }) },
  slow: { params: z.object({ ms: z.number().int().nonnegative() }), result: z.literal('done') },
  crash: { params: z.void(), result: z.void() },
  fail: { params: z.void(), result: z.void() },
  lie: { params: z.void(), result: z.object({ text: z.string() }) },
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
    // Breaks its own contract, to show the parent validates results.
    lie: async () => ({ text: 42 }) as unknown as { text: string },
    emit: async ({ value }): Promise<void> => worker.emit('tick', { value }),
  });
}
