import { isApiMethod, type ApiMethod } from '../../../shared/contract/api';
import { answersAheadOfEvents } from '../../../shared/contract/method-roles';
import {
  EngineCommand,
  type CallAuth,
  type EngineMessage,
  type EngineStartOptions,
} from '../../../shared/contract/engine-process';
import { toApiError } from '../../engine/api/errors';
import { forkSpawner } from '../../engine/collectors/spawner';
import { startEngine, type RunningEngine } from '../../engine/start-engine';
import type { ParentChannel } from '../host/parent-channel';
import { EventBatcher } from './event-batcher';
import { remoteCipher } from './remote-cipher';

/**
 * Makes this process the engine's: the host sends `start` once, then calls; the engine answers
 * each call, relays every event, seals secrets through the host when told to, and on `stop`
 * finishes its writes and exits. Every message is validated; a bad one is reported, never fatal.
 */
export function serveEngine(
  channel: ParentChannel<EngineMessage>,
  exit: (code: number) => void,
): { stop(): void } {
  let engine: RunningEngine | null = null;
  let starting = false;
  let stopping = false;
  const send = (message: EngineMessage) => channel.send(message);
  const host = remoteCipher(send);
  const events = new EventBatcher((batch) => send({ kind: 'events', events: batch }));
  /** Answers a call; after the events waiting here, unless the call only reads. */
  const reply = (message: Extract<EngineMessage, { kind: 'reply' }>, method?: ApiMethod) => {
    if (!method || !answersAheadOfEvents(method)) events.flush();
    send(message);
  };

  const start = (options: EngineStartOptions) => {
    starting = true;
    startEngine({
      ...options,
      // The collectors are this process's children; utility processes can only be made by the
      // Electron main process, so the engine forks them under Node in either host.
      spawner: forkSpawner,
      cipher: options.hostCipher ? host.cipher : undefined,
    }).then(
      (running) => {
        engine = running;
        running.subscribe((event) => events.push(event));
        send({ kind: 'ready', firstAdminPassword: running.firstAdminPassword });
      },
      (error: unknown) => {
        send({ kind: 'start-failed', message: (error as Error).message });
        exit(1);
      },
    );
  };

  const call = (id: number, method: string, input: unknown, auth: CallAuth | undefined) => {
    if (!engine || stopping || !isApiMethod(method)) {
      const message = !isApiMethod(method) ? `Unknown method "${method}"` : 'The engine is not running.';
      reply({ kind: 'reply', id, ok: false, error: { code: 'unavailable', message, issues: [] } });
      return;
    }
    engine.call(method, input, auth).then(
      (result) => {
        try {
          reply({ kind: 'reply', id, ok: true, result }, method);
        } catch (error) {
          reply({ kind: 'reply', id, ok: false, error: toApiError(error) }, method);
        }
      },
      (error: unknown) => reply({ kind: 'reply', id, ok: false, error: toApiError(error) }, method),
    );
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = engine;
    engine = null;
    void (running ? running.stop() : Promise.resolve()).then(
      () => exit(0),
      () => exit(1),
    );
  };

  channel.onMessage((raw) => {
    const parsed = EngineCommand.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      send({
        kind: 'protocol-error',
        message: `the engine received a message outside its protocol (${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'})`,
      });
      return;
    }
    const command = parsed.data;
    switch (command.kind) {
      case 'start':
        if (starting) send({ kind: 'protocol-error', message: 'the engine was already started' });
        else start(command.options);
        return;
      case 'call':
        call(command.id, command.method, command.input, command.auth);
        return;
      case 'cipher-reply':
        host.settle(command.id, command.text, command.error);
        return;
      case 'events-read':
        events.read(command.messages);
        return;
      case 'stop':
        stop();
    }
  });
  return { stop };
}
