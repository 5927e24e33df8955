import type {
  Collection,
  EndpointHealth,
  OpticalCadences,
  OpticalEndpoint,
} from '../../../shared/contract/optical';
import type {
  FetchOutcome,
  FetchStats,
  OpticalCardRecord,
  OpticalMeasureRecord,
  SmartApiOptions,
  SmartApiTarget,
  SmartApiFailure,
  VendorAlarmRecord,
} from '../../../shared/contract/optical-worker';
import { CircuitBreaker } from './circuit-breaker';
import type { OpticalTransport } from '../collectors/optical-port';

/** A measures round reads every measure; "critical" ones store only the critical keys' samples. */
export type RoundKind = 'inventory' | 'critical' | 'all' | 'alarms';

export interface RoundHandlers {
  inventory(runner: EndpointRunner, cards: OpticalCardRecord[], at: number): Promise<void>;
  measures(
    runner: EndpointRunner,
    measures: OpticalMeasureRecord[],
    kind: 'critical' | 'all',
    at: number,
  ): Promise<void>;
  alarms(runner: EndpointRunner, alarms: VendorAlarmRecord[], at: number): Promise<void>;
  /** The endpoint's health changed (a round ended, well or not). */
  changed(runner: EndpointRunner): void;
}

const collectionOf = (kind: RoundKind): Collection =>
  kind === 'inventory' ? 'inventory' : kind === 'alarms' ? 'alarms' : 'measures';

/**
 * One Smart API endpoint: its rounds on their cadences, never two of a kind at once; a circuit
 * breaker that stops calling an endpoint failing round after round; and its health as the UI shows
 * it. A failed round keeps everything stored and is tried again after `retryMs`.
 */
export class EndpointRunner {
  readonly breaker = new CircuitBreaker();
  private readonly timers = new Map<RoundKind, NodeJS.Timeout>();
  private readonly running = new Set<RoundKind>();
  private lastAllAt = 0;
  private stopped = false;
  private state: Omit<EndpointHealth, 'state' | 'consecutiveFailures' | 'retryAt' | 'endpointId'> = {
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: null,
    latencyMs: null,
    rejected: 0,
    rejectSample: null,
    cards: 0,
    measures: 0,
    progress: null,
  };
  /** The collector process's own figures after its last round (for the benchmark). */
  lastStats: FetchStats | null = null;

  constructor(
    public endpoint: OpticalEndpoint,
    public target: SmartApiTarget | null,
    private readonly transport: OpticalTransport,
    private readonly handlers: RoundHandlers,
    private readonly options: {
      fetch: SmartApiOptions;
      retryMs: number;
      clock: () => number;
      log: (message: string) => void;
    },
  ) {}

  get id(): number {
    return this.endpoint.id;
  }

  health(): EndpointHealth {
    const disabled = !this.endpoint.enabled || this.target === null;
    return {
      endpointId: this.endpoint.id,
      state: disabled
        ? 'disabled'
        : this.breaker.open
          ? 'open'
          : this.breaker.failures > 0
            ? 'failing'
            : this.state.lastSuccessAt === null
              ? 'idle'
              : 'ok',
      consecutiveFailures: this.breaker.failures,
      retryAt: this.breaker.retryAt,
      ...this.state,
    };
  }

  progress(collection: Collection, read: number, total: number | null): void {
    this.state.progress = { collection, read, total };
  }

  /** Starts every cadence now: inventory first, so the first measures find their cards. */
  start(cadences: OpticalCadences): void {
    if (!this.endpoint.enabled || this.target === null) return;
    this.loop('inventory', () => cadences.inventoryMinutes * 60_000, 0);
    this.loop('alarms', () => cadences.vendorAlarmsSeconds * 1_000, 0);
    const measuresEvery = Math.min(cadences.criticalMeasuresSeconds, cadences.otherMeasuresSeconds) * 1_000;
    this.loop(
      'critical',
      () => measuresEvery,
      0,
      () =>
        this.options.clock() - this.lastAllAt >= cadences.otherMeasuresSeconds * 1_000 ? 'all' : 'critical',
    );
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private loop(
    slot: RoundKind,
    everyMs: () => number,
    firstMs: number,
    kindNow: () => RoundKind = () => slot,
  ): void {
    const tick = async () => {
      const ok = await this.round(kindNow());
      if (this.stopped) return;
      const retryAt = this.breaker.retryAt;
      const next = ok
        ? everyMs()
        : Math.max(Math.min(this.options.retryMs, everyMs()), (retryAt ?? 0) - this.options.clock());
      this.timers.set(
        slot,
        setTimeout(() => void tick(), next),
      );
    };
    this.timers.set(
      slot,
      setTimeout(() => void tick(), firstMs),
    );
  }

  /** One round of one kind; false when it failed or could not run. */
  async round(kind: RoundKind): Promise<boolean> {
    const target = this.target;
    if (!target || !this.endpoint.enabled || this.running.has(kind)) return false;
    const now = this.options.clock();
    if (!this.breaker.allows(now)) return false;
    this.running.add(kind);
    try {
      switch (kind) {
        case 'inventory':
          return await this.finish(
            kind,
            await this.transport.inventory(target, this.options.fetch),
            (items, at) =>
              this.handlers.inventory(this, items, at).then(() => {
                this.state.cards = items.length;
              }),
          );
        case 'alarms':
          return await this.finish(
            kind,
            await this.transport.alarms(target, this.options.fetch),
            (items, at) => this.handlers.alarms(this, items, at),
          );
        default:
          return await this.finish(
            kind,
            await this.transport.measures(target, this.options.fetch),
            (items, at) => {
              if (kind === 'all') this.lastAllAt = at;
              this.state.measures = items.length;
              return this.handlers.measures(this, items, kind, at);
            },
          );
      }
    } catch (error) {
      // The collector process itself failed (crashed, timed out): the same as an unreachable endpoint.
      return this.failed(kind, { code: 'unreachable', detail: (error as Error).message }, null);
    } finally {
      this.running.delete(kind);
      this.state.progress = null;
      this.handlers.changed(this);
    }
  }

  private async finish<T>(
    kind: RoundKind,
    outcome: FetchOutcome<T>,
    use: (items: T[], at: number) => Promise<void>,
  ): Promise<boolean> {
    if (!outcome.ok) return this.failed(kind, outcome.failure, outcome.latencyMs);
    const at = this.options.clock();
    this.breaker.succeeded();
    this.lastStats = outcome.stats;
    Object.assign(this.state, {
      lastSuccessAt: at,
      latencyMs: outcome.stats.latencyMs,
      ...(kind === 'inventory'
        ? {}
        : { rejected: outcome.stats.rejected, rejectSample: outcome.stats.rejectSample }),
    });
    if (this.state.lastError?.collection === collectionOf(kind)) this.state.lastError = null;
    try {
      await use(outcome.items, at);
      return true;
    } catch (error) {
      // The endpoint answered; the store did not. Nothing is lost upstream: the round is retried.
      this.options.log(
        `optical: endpoint ${this.endpoint.name}: storing the ${kind} round failed: ${(error as Error).message}`,
      );
      return false;
    }
  }

  private failed(kind: RoundKind, failure: SmartApiFailure, latencyMs: number | null): boolean {
    const at = this.options.clock();
    this.breaker.failed(at);
    this.state.lastError = { ...failure, collection: collectionOf(kind) };
    this.state.lastErrorAt = at;
    if (latencyMs !== null) this.state.latencyMs = latencyMs;
    this.options.log(
      `optical: endpoint ${this.endpoint.name}: ${kind} failed: ${failure.code}: ${failure.detail}`,
    );
    return false;
  }
}
