import {
  apiMethods,
  isApiMethod,
  type ApiError,
  type ApiMethod,
  type ApiOutput,
  type AppInfo,
} from '../../shared/contract/api';
import {
  EngineMessage,
  type CallAuth,
  type EngineCommand,
  type EngineStartOptions,
} from '../../shared/contract/engine-process';
import type { EngineHealth, VigiaEvent } from '../../shared/contract/events';
import { defaultLanguage, isLanguage, translate, type Language } from '../../shared/i18n';
import { ApiFailure } from '../../shared/contract/api-failure';
import type { Spawner, WorkerProcess } from '../engine/collectors/spawner';
import type { Backoff } from '../engine/collectors/supervisor';
import { resolveWorkerEntry } from '../engine/collectors/worker-entry';
import type { Engine } from '../engine/engine';
import type { SecretCipher } from '../engine/store/secret-cipher';

export type { SecretCipher } from '../engine/store/secret-cipher';
export type { Spawner } from '../engine/collectors/spawner';

/** The engine process's entry: out/main/workers/engine.js when built, its source otherwise. */
export const engineEntry = (): string => resolveWorkerEntry('engine');

export interface EngineProxyOptions {
  /** Starts the engine's process: a utility process in the app, a fork headless. */
  spawner: Spawner;
  /** The engine process's entry (out/main/workers/engine.js, or its source in tests). */
  entry: string;
  start: Omit<EngineStartOptions, 'hostCipher'>;
  /** Seals secrets for the engine (the OS keychain); without it the engine keeps its key file. */
  cipher?: SecretCipher;
  backoff?: Partial<Backoff>;
  /** How long `stop` waits for the engine to finish its writes before it is killed. */
  stopGraceMs?: number;
  log?: (message: string) => void;
}

type InboxEntry = { child: WorkerProcess; raw: unknown } | { child: WorkerProcess; exit: number | null };
/** An `events` message read, the next of its events to publish, and the process that sent it. */
interface UnpublishedEvents {
  child: WorkerProcess;
  events: VigiaEvent[];
  next: number;
}

interface Pending {
  method: ApiMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const defaultBackoff: Backoff = { initialMs: 200, maxMs: 30_000, stableMs: 60_000 };
/** How long the proxy works through arrived messages before the event loop gets a turn. */
const INBOX_SLICE_MS = 8;

/**
 * The engine as the process serving the UI sees it, while it runs in a process of its own: every
 * call goes over the port and its result is checked against the contract on arrival, events are
 * relayed to subscribers, and the engine's requests to seal or open a secret are answered with the
 * host's cipher. If the engine's process dies it is started again with backoff; calls in flight
 * fail with a translated "engine restarting" error, and subscribers keep their subscription.
 */
export class EngineProxy implements Engine {
  private child: WorkerProcess | null = null;
  private ready = false;
  private stopping: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: VigiaEvent) => void>();
  /** Messages arrived and not yet handled, and the process's end after them, in order. */
  private readonly inbox: InboxEntry[] = [];
  /** The `events` messages read and not wholly published: they come before the next message. */
  private readonly unpublished: UnpublishedEvents[] = [];
  /** Messages of events published since the engine was last told (its flow control). */
  private publishedMessages = 0;
  private draining = false;
  private nextId = 1;
  private restartDelay: number;
  private restartTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private firstStart: { resolve(): void; reject(error: Error): void } | null = null;
  private language: Language = defaultLanguage;
  private readonly backoff: Backoff;
  private readonly log: (message: string) => void;
  /** Times the engine's process was started again after it ended on its own. */
  restarts = 0;
  /** Messages from the engine that were outside the protocol. */
  protocolErrors = 0;
  /** The first administrator's one-time password, when the engine created it at this start. */
  firstAdminPassword: string | null = null;

  private constructor(private readonly options: EngineProxyOptions) {
    this.backoff = { ...defaultBackoff, ...options.backoff };
    this.restartDelay = this.backoff.initialMs;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Starts the engine's process; resolves once it answers calls, rejects if it cannot start. */
  static start(options: EngineProxyOptions): Promise<EngineProxy> {
    const proxy = new EngineProxy(options);
    return new Promise<void>((resolve, reject) => {
      proxy.firstStart = { resolve, reject };
      proxy.spawn();
    }).then(() => proxy);
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  call<M extends ApiMethod>(method: M, input: unknown, auth?: CallAuth): Promise<ApiOutput<M>> {
    if (!isApiMethod(method))
      return Promise.reject(
        new ApiFailure({ code: 'invalid_input', message: `Unknown method "${String(method)}"`, issues: [] }),
      );
    const child = this.child;
    if (this.stopping || !this.ready || !child) return Promise.reject(this.unavailable());
    const id = this.nextId++;
    return new Promise<ApiOutput<M>>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
      this.send(child, { kind: 'call', id, method, input, ...(auth ? { auth } : {}) });
    });
  }

  subscribe(listener: (event: VigiaEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  info(): Promise<AppInfo> {
    return this.call('app.info', undefined);
  }

  health(): Promise<EngineHealth> {
    return this.call('engine.health', undefined);
  }

  /** Asks the engine to finish its writes and exit; kills it if it has not within the grace time. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  /** Sends a message as is, bypassing the checks: for tests of the engine's own validation. */
  postRaw(message: unknown): void {
    this.child?.postMessage(message);
  }

  private async shutDown(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    this.failPending(translate(this.language, 'engineProcess.stopped'));
    if (!child) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill(), this.options.stopGraceMs ?? 30_000);
      child.onExit(() => {
        clearTimeout(killer);
        resolve();
      });
      this.send(child, { kind: 'stop' });
    });
  }

  private spawn(): void {
    const child = this.options.spawner.spawn(this.options.entry, 'engine');
    this.child = child;
    this.publishedMessages = 0;
    this.startedAt = Date.now();
    child.onMessage((raw) => this.arrive({ child, raw }));
    // After the messages that came before it: an answer sent just before a crash still counts.
    child.onExit((code) => this.arrive({ child, exit: code }));
    this.send(child, {
      kind: 'start',
      options: { ...this.options.start, hostCipher: this.options.cipher !== undefined },
    });
  }

  private send(child: WorkerProcess, command: EngineCommand): void {
    try {
      child.postMessage(command);
    } catch (error) {
      // A message that cannot be cloned fails its own call; the engine never sees it.
      if (command.kind !== 'call') throw error;
      this.settle(command.id, {
        ok: false,
        error: { code: 'invalid_input', message: (error as Error).message, issues: [] },
      });
    }
  }

  /**
   * Node reads the engine's channel in chunks and hands over every message of a chunk at once: a
   * backlog of event batches would become one long task here, in the process that must stay
   * free. So messages wait in order in an inbox, handled for at most a slice of time per turn,
   * and a batch's events are published one by one within that slice: a batch of 100 alarms,
   * each written to every browser, may span turns instead of overrunning its slice. After each
   * slice the engine is told how many batches were published, and sends no more than a few ahead
   * of that: a burst waits in the engine, not here.
   */
  private arrive(entry: InboxEntry): void {
    this.inbox.push(entry);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    const until = performance.now() + INBOX_SLICE_MS;
    while (performance.now() < until && this.handleNext());
    this.tellPublished();
    if (this.inbox.length > 0 || this.unpublished.length > 0) setImmediate(() => this.drain());
    else this.draining = false;
  }

  /** Publishes the next event of a batch, else handles the next message; false when none waits. */
  private handleNext(): boolean {
    const batch = this.unpublished[0];
    if (batch) {
      this.publish(batch.events[batch.next++]!);
      if (batch.next === batch.events.length) this.finishBatch();
      return true;
    }
    const entry = this.inbox.shift();
    if (!entry) return false;
    if ('exit' in entry) this.exited(entry.child, entry.exit);
    else this.receive(entry.child, entry.raw);
    return true;
  }

  private receive(child: WorkerProcess, raw: unknown): void {
    if (child !== this.child) return;
    const parsed = EngineMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.protocolError(
        `the engine sent a message outside its protocol (${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}); ignored`,
      );
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'ready':
        this.firstAdminPassword ??= message.firstAdminPassword;
        this.becameReady();
        return;
      case 'start-failed':
        if (this.firstStart) {
          // Nothing to restart: the host reports the reason and gives up.
          this.stopping = Promise.resolve();
          this.firstStart.reject(new Error(message.message));
        } else this.log(`vigia: the engine could not start again: ${message.message}`);
        this.firstStart = null;
        return;
      case 'reply':
        this.settle(message.id, message.ok ? { ok: true, result: message.result } : message);
        return;
      case 'events':
        this.unpublished.push({ child, events: message.events, next: 0 });
        return;
      case 'cipher':
        void this.seal(child, message.id, message.op, message.text);
        return;
      case 'protocol-error':
        this.protocolError(message.message);
    }
  }

  private becameReady(): void {
    this.ready = true;
    this.firstStart?.resolve();
    this.firstStart = null;
    // The language the operator chose, for the errors this proxy writes itself.
    void this.call('settings.get', undefined, { kind: 'host', actor: 'vigia', role: 'viewer' }).then(
      (settings) => this.noteLanguage(settings.ui.language),
      () => undefined,
    );
  }

  private settle(id: number, answer: { ok: true; result: unknown } | { ok: false; error: ApiError }): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (!answer.ok) {
      pending.reject(new ApiFailure(answer.error));
      return;
    }
    const checked = apiMethods[pending.method].output.safeParse(answer.result);
    if (checked.success) pending.resolve(checked.data);
    else
      pending.reject(
        new ApiFailure({
          code: 'internal',
          message: `${pending.method}: the engine's answer does not match the contract (${checked.error.issues[0]?.message ?? 'invalid'})`,
          issues: [],
        }),
      );
  }

  /** Drops the first message, its last event published, and counts it for the engine that sent it. */
  private finishBatch(): void {
    const { child } = this.unpublished.shift()!;
    if (child === this.child) this.publishedMessages++;
  }

  /** Lets the engine send as many more messages of events as were published. */
  private tellPublished(): void {
    const child = this.child;
    if (this.publishedMessages === 0 || !child) return;
    this.send(child, { kind: 'events-read', messages: this.publishedMessages });
    this.publishedMessages = 0;
  }

  private publish(event: VigiaEvent): void {
    if (event.type === 'settings.changed' && event.group === 'ui') this.noteLanguage(event.value.language);
    for (const listener of this.listeners) {
      // One subscriber's bug must not keep the event from the others, nor end this process.
      try {
        listener(event);
      } catch (error) {
        this.log(`vigia: an engine event listener failed: ${String(error)}`);
      }
    }
  }

  private async seal(child: WorkerProcess, id: number, op: 'encrypt' | 'decrypt', text: string) {
    const cipher = this.options.cipher;
    try {
      if (!cipher) throw new Error('this host keeps no secrets for the engine');
      const result = op === 'encrypt' ? await cipher.encrypt(text) : await cipher.decrypt(text);
      if (child === this.child) this.send(child, { kind: 'cipher-reply', id, text: result, error: null });
    } catch (error) {
      if (child === this.child)
        this.send(child, { kind: 'cipher-reply', id, text: null, error: (error as Error).message });
    }
  }

  private exited(child: WorkerProcess, code: number | null): void {
    if (child !== this.child) return;
    this.child = null;
    this.ready = false;
    if (this.stopping) return;
    if (this.firstStart) {
      this.firstStart.reject(
        new Error(translate(this.language, 'engineProcess.exited', { code: code ?? 'signal' })),
      );
      this.firstStart = null;
      return;
    }
    this.failPending(translate(this.language, 'engineProcess.restarting'));
    if (Date.now() - this.startedAt >= this.backoff.stableMs) this.restartDelay = this.backoff.initialMs;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(this.backoff.maxMs, this.restartDelay * 2);
    this.restarts++;
    this.log(`vigia: the engine process ended (code ${code ?? 'signal'}); restarting it in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.spawn();
    }, delay);
  }

  private unavailable(): ApiFailure {
    const key = this.stopping ? 'engineProcess.stopped' : 'engineProcess.restarting';
    return new ApiFailure({ code: 'unavailable', message: translate(this.language, key), issues: [] });
  }

  private failPending(message: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const call of pending) call.reject(new ApiFailure({ code: 'unavailable', message, issues: [] }));
  }

  private protocolError(message: string): void {
    this.protocolErrors++;
    this.log(`vigia: ${message} (${this.protocolErrors} so far)`);
  }

  private noteLanguage(value: unknown): void {
    if (isLanguage(value)) this.language = value;
  }
}
