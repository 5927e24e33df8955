import type { z } from 'zod';
import type { WorkerHealth } from '../../../shared/contract/events';
import { WorkerMessage, type WorkerApi } from '../../../shared/contract/worker';
import type { Spawner, WorkerProcess } from './spawner';

export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** After running this long without crashing, the next crash restarts fast again. */
  stableMs: number;
}

const defaultBackoff: Backoff = { initialMs: 200, maxMs: 30_000, stableMs: 60_000 };
const DEFAULT_CALL_TIMEOUT_MS = 60_000;
const SHUTDOWN_GRACE_MS = 2_000;

export interface WorkerSpec<A extends WorkerApi> {
  name: string;
  entry: string;
  api: A;
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  parse(result: unknown): unknown;
}

interface ReadyWaiter {
  resolve(): void;
  reject(error: Error): void;
}

type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/**
 * One supervised worker: calls are validated before they leave and when their results arrive; a
 * crash fails the calls in flight at once, and the worker is started again with backoff.
 */
export class SupervisedWorker<A extends WorkerApi> {
  private process: WorkerProcess | null = null;
  private isReady = false;
  /** Calls made before the worker is ready, released by the 'ready' of whichever start succeeds. */
  private readonly readyWaiters = new Set<ReadyWaiter>();
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private nextId = 1;
  private restartDelay: number;
  private restartTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private stopping = false;
  private unreadable = 0;
  private state: WorkerHealth = {
    name: '',
    state: 'starting',
    pid: null,
    restarts: 0,
    lastError: null,
    since: Date.now(),
  };

  constructor(
    private readonly spec: WorkerSpec<A>,
    private readonly spawner: Spawner,
    private readonly backoff: Backoff,
    private readonly onHealth: (health: WorkerHealth) => void,
    private readonly log: Log,
  ) {
    this.restartDelay = backoff.initialMs;
    this.state.name = spec.name;
    this.start();
  }

  health(): WorkerHealth {
    return { ...this.state };
  }

  /** Messages from this worker that were not part of the protocol, or that it could not read from us. */
  get protocolErrors(): number {
    return this.unreadable;
  }

  on(event: string, listener: (data: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  async call<M extends keyof A & string>(
    method: M,
    params: z.input<A[M]['params']>,
    options: { timeoutMs?: number } = {},
  ): Promise<z.output<A[M]['result']>> {
    const spec = Object.hasOwn(this.spec.api, method) ? this.spec.api[method] : undefined;
    if (!spec) throw new Error(`worker ${this.spec.name} has no method "${method}"`);
    const checked = spec.params.safeParse(params);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(
        `${method}: invalid params: ${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    if (this.stopping) throw new Error(`worker ${this.spec.name} is stopped`);
    await this.waitUntilReady(timeoutMs);
    const child = this.process;
    if (this.stopping || !child) throw new Error(`worker ${this.spec.name} is stopped`);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(id);
          reject(new Error(`worker ${this.spec.name}: ${method} timed out after ${timeoutMs} ms`));
        },
        Math.max(1, deadline - Date.now()),
      );
      this.pending.set(id, {
        method,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
        parse: (result) => spec.result.parse(result),
      });
      try {
        child.postMessage({ kind: 'request', id, method, params: checked.data });
      } catch (error) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(
          new Error(`worker ${this.spec.name}: ${method} could not be sent: ${(error as Error).message}`),
        );
      }
    });
  }

  /** Sends a raw message as is: for tests of the worker's own validation. */
  postRaw(message: unknown): void {
    this.process?.postMessage(message);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.releaseWaiters(new Error(`worker ${this.spec.name} was stopped`));
    const child = this.process;
    if (!child) {
      this.setState({ state: 'stopped', pid: null });
      return;
    }
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill(), SHUTDOWN_GRACE_MS);
      child.onExit(() => {
        clearTimeout(killer);
        resolve();
      });
      child.postMessage({ kind: 'shutdown' });
    });
  }

  private setState(patch: Partial<WorkerHealth>): void {
    this.state = {
      ...this.state,
      ...patch,
      since: patch.state && patch.state !== this.state.state ? Date.now() : this.state.since,
    };
    this.onHealth(this.health());
  }

  /** Callers waiting on `ready` are released by the 'ready' message of the process started here. */
  private start(): void {
    const child = this.spawner.spawn(this.spec.entry, this.spec.name);
    this.process = child;
    this.startedAt = Date.now();
    this.setState({ state: 'starting', pid: child.pid });
    child.onMessage((raw) => this.receive(raw));
    child.onExit((code) => this.exited(child, code));
  }

  private waitUntilReady(timeoutMs: number): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.readyWaiters.delete(waiter);
        const why = this.state.lastError ? `; last error: ${this.state.lastError}` : '';
        reject(
          new Error(
            `worker ${this.spec.name} was not ready within ${timeoutMs} ms (${this.state.state}${why})`,
          ),
        );
      }, timeoutMs);
      const waiter: ReadyWaiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.readyWaiters.add(waiter);
    });
  }

  private releaseWaiters(error?: Error): void {
    const waiters = [...this.readyWaiters];
    this.readyWaiters.clear();
    waiters.forEach((waiter) => (error ? waiter.reject(error) : waiter.resolve()));
  }

  private protocolError(message: string): void {
    this.unreadable++;
    this.log('warn', `${message} (${this.unreadable} so far)`);
  }

  private receive(raw: unknown): void {
    const parsed = WorkerMessage.safeParse(raw);
    if (!parsed.success) {
      this.protocolError(`worker ${this.spec.name} sent a message outside the protocol; ignored`);
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'ready':
        this.isReady = true;
        this.setState({ state: 'running' });
        this.releaseWaiters();
        return;
      case 'protocol-error':
        this.protocolError(message.message);
        return;
      case 'event':
        this.listeners.get(message.name)?.forEach((listener) => {
          // A listener's bug must not take down the process that supervises every worker.
          try {
            listener(message.data);
          } catch (error) {
            this.log(
              'error',
              `listener of ${this.spec.name} event "${message.name}" failed: ${String(error)}`,
            );
          }
        });
        return;
      case 'response': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        if (!message.ok) {
          pending.reject(new Error(`worker ${this.spec.name}: ${pending.method}: ${message.error.message}`));
          return;
        }
        try {
          pending.resolve(pending.parse(message.result));
        } catch (error) {
          pending.reject(
            new Error(
              `worker ${this.spec.name}: ${pending.method} returned an invalid result: ${(error as Error).message}`,
            ),
          );
        }
      }
    }
  }

  private exited(child: WorkerProcess, code: number | null): void {
    if (child !== this.process) return;
    this.process = null;
    this.isReady = false;
    const reason = `worker ${this.spec.name} exited (code ${code ?? 'signal'})`;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`${reason} during ${pending.method}`));
      this.pending.delete(id);
    }
    if (this.stopping) {
      this.setState({ state: 'stopped', pid: null });
      return;
    }
    if (Date.now() - this.startedAt >= this.backoff.stableMs) this.restartDelay = this.backoff.initialMs;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(this.backoff.maxMs, this.restartDelay * 2);
    this.log('error', `${reason}; restarting in ${delay} ms`);
    this.setState({ state: 'restarting', pid: null, restarts: this.state.restarts + 1, lastError: reason });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.start();
    }, delay);
  }
}

/** Starts the collectors and keeps them running; reports their health to the UI. */
export class Supervisor {
  private readonly workers: SupervisedWorker<WorkerApi>[] = [];
  private readonly healthListeners = new Set<(health: WorkerHealth[]) => void>();
  private readonly spawner: Spawner;
  private readonly backoff: Backoff;
  private readonly log: Log;

  constructor(options: { spawner: Spawner; backoff?: Partial<Backoff>; log?: Log }) {
    this.spawner = options.spawner;
    this.backoff = { ...defaultBackoff, ...options.backoff };
    this.log = options.log ?? ((level, message) => console[level === 'info' ? 'log' : level](message));
  }

  supervise<A extends WorkerApi>(spec: WorkerSpec<A>): SupervisedWorker<A> {
    const worker = new SupervisedWorker(spec, this.spawner, this.backoff, () => this.emitHealth(), this.log);
    this.workers.push(worker as unknown as SupervisedWorker<WorkerApi>);
    return worker;
  }

  health(): WorkerHealth[] {
    return this.workers.map((worker) => worker.health());
  }

  onHealthChange(listener: (health: WorkerHealth[]) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  private emitHealth(): void {
    const health = this.health();
    this.healthListeners.forEach((listener) => {
      // Called from process events: a throwing listener would end the engine's process.
      try {
        listener(health);
      } catch (error) {
        this.log('error', `worker health listener failed: ${String(error)}`);
      }
    });
  }
}
