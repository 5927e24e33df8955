import type { z } from 'zod';
import {
  ParentMessage,
  type WorkerApi,
  type WorkerErrorPayload,
  type WorkerMessage,
} from '../../../shared/contract/worker';
import { parentChannel } from './parent-channel';

export type WorkerHandlers<A extends WorkerApi> = {
  [M in keyof A]: (params: z.output<A[M]['params']>) => Promise<z.input<A[M]['result']>>;
};

function describe(error: unknown): WorkerErrorPayload {
  if (error instanceof Error) return { code: error.name || 'Error', message: error.message };
  return { code: 'Error', message: String(error) };
}

/**
 * Makes this process a worker: every message from the parent is validated, each request runs its
 * handler with validated params, and every failure — bad message, unknown method, invalid params,
 * a handler that throws, a result that cannot be sent — is answered with an error instead of
 * ending the process. On shutdown it takes no new requests, answers those in flight, then exits.
 */
export function serveWorker<A extends WorkerApi>(
  name: string,
  api: A,
  handlers: WorkerHandlers<A>,
): {
  emit(event: string, data: unknown): void;
} {
  const channel = parentChannel<WorkerMessage>('serveWorker');
  let inFlight = 0;
  let closing = false;
  const exitWhenIdle = () => {
    if (closing && inFlight === 0) process.exit(0);
  };
  const fail = (id: number, error: WorkerErrorPayload) =>
    channel.send({ kind: 'response', id, ok: false, error });
  const succeed = (id: number, method: string, result: unknown) => {
    try {
      channel.send({ kind: 'response', id, ok: true, result });
    } catch (error) {
      fail(id, {
        code: 'unsendable_result',
        message: `${method}: the result could not be sent: ${describe(error).message}`,
      });
    }
  };

  channel.onMessage((raw) => {
    const parsed = ParentMessage.safeParse(raw);
    if (!parsed.success) {
      channel.send({
        kind: 'protocol-error',
        message: `worker ${name} received a message that is neither a request nor a shutdown (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      });
      return;
    }
    const message = parsed.data;
    if (message.kind === 'shutdown') {
      closing = true;
      exitWhenIdle();
      return;
    }
    const { id, method } = message;
    if (closing) {
      fail(id, { code: 'shutting_down', message: `worker ${name} is shutting down` });
      return;
    }
    const spec = Object.hasOwn(api, method) ? api[method] : undefined;
    if (!spec) {
      fail(id, { code: 'unknown_method', message: `worker ${name} has no method "${method}"` });
      return;
    }
    const params = spec.params.safeParse(message.params);
    if (!params.success) {
      const issue = params.error.issues[0];
      fail(id, {
        code: 'invalid_params',
        message: `${method}: ${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    inFlight++;
    // Async, so that a handler throwing before it returns its promise is answered like a rejection.
    const run = async () => handlers[method as keyof A](params.data as never);
    run()
      .then(
        (result) => succeed(id, method, result),
        (error: unknown) => fail(id, describe(error)),
      )
      .finally(() => {
        inFlight--;
        exitWhenIdle();
      });
  });
  channel.send({ kind: 'ready', worker: name });
  return {
    emit: (event, data) => {
      channel.send({ kind: 'event', name: event, data });
    },
  };
}
