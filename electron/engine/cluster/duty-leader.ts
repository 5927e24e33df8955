import { ApiFailure } from '../../../shared/contract/api-failure';
import type { ApiError } from '../../../shared/contract/api';
import {
  dutyKinds,
  isDutyKind,
  type DutyInput,
  type DutyKind,
  type DutyOutput,
  type DutyProgress,
} from '../../../shared/contract/duty-requests';
import type { ClaimedDuty, DutyStore } from './duty-store';

/** What a duty's work gets where it runs: a way to report progress, and the asker's cancel. */
export interface DutyContext<K extends DutyKind> {
  progress(value: DutyProgress<K>): void;
  signal: AbortSignal;
}

export type DutyHandler<K extends DutyKind> = (
  input: DutyInput<K>,
  context: DutyContext<K>,
) => Promise<DutyOutput<K>>;

export interface DutyLeaderOptions {
  /** The groups led here now. */
  ledGroups(): number[];
  log(message: string): void;
  /** A request older than this is left: its asker has given up on it. */
  claimMs: number;
  /** How often pending requests and cancels are read besides the notices. */
  pollMs: number;
}

const PROGRESS_EVERY_MS = 250;
const PRUNE_EVERY_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'internal', message: (error as Error).message ?? String(error), issues: [] };
}

/**
 * The leading side of duty requests: claims those of the groups led here (at their notice, and on
 * a timer for a lost one), runs each with the handler served for its kind, writes its progress
 * and answer, and aborts it when its asker cancels.
 */
export class DutyLeader {
  private readonly running = new Map<number, AbortController>();
  private readonly executions = new Set<Promise<void>>();
  private claiming: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastPrune = 0;

  constructor(
    private readonly store: DutyStore,
    private readonly handlers: ReadonlyMap<DutyKind, DutyHandler<DutyKind>>,
    private readonly options: DutyLeaderOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.pollMs);
  }

  /** Stops taking requests; what runs here is cancelled and answered. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.claiming;
    for (const controller of this.running.values()) controller.abort();
    await Promise.all(this.executions);
  }

  /** Claims what is pending for the groups led here (these ids only, on a notice); one claim at a time. */
  claim(ids: number[] | null): void {
    this.claiming = this.claiming.then(async () => {
      try {
        const kinds = [...this.handlers.keys()];
        const rows = await this.store.claim(this.options.ledGroups(), kinds, ids, this.options.claimMs);
        for (const row of rows) {
          const execution = this.execute(row).finally(() => this.executions.delete(execution));
          this.executions.add(execution);
        }
      } catch (error) {
        this.options.log(`duties: requests not claimed: ${(error as Error).message}`);
      }
    });
  }

  /** Requests changed on their asker's side: a cancel of one running here is taken up at once. */
  updated(ids: number[]): void {
    if (ids.some((id) => this.running.has(id))) void this.checkCancels();
  }

  private async sweep(): Promise<void> {
    this.claim(null);
    await this.checkCancels();
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.store.prune().catch(() => undefined);
    }
  }

  private async checkCancels(): Promise<void> {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    try {
      for (const id of await this.store.cancelled(ids)) this.running.get(id)?.abort();
    } catch (error) {
      this.options.log(`duties: cancels not read: ${(error as Error).message}`);
    }
  }

  private async execute(row: ClaimedDuty): Promise<void> {
    const { store } = this;
    const controller = new AbortController();
    this.running.set(row.id, controller);
    let reporting: Promise<void> = Promise.resolve();
    let latest: unknown = null;
    let scheduled = false;
    // At most one write per PROGRESS_EVERY_MS, carrying the newest progress.
    const progress = (value: unknown) => {
      latest = value;
      if (scheduled) return;
      scheduled = true;
      reporting = reporting
        .then(() => sleep(PROGRESS_EVERY_MS))
        .then(async () => {
          scheduled = false;
          await store.report(row.id, latest);
          await store.notify('duty.updated', [row.id]);
        })
        .catch((error: Error) => this.options.log(`duties: progress not stored: ${error.message}`));
    };
    try {
      // Only the kinds served here are claimed; a row is still checked (another version wrote it).
      const kind = isDutyKind(row.kind) ? row.kind : null;
      const handler = kind && this.handlers.get(kind);
      if (!kind || !handler) throw new Error(`no handler for duty ${row.kind}`);
      const spec = dutyKinds[kind];
      const result = await handler(spec.input.parse(row.input), { progress, signal: controller.signal });
      await reporting;
      await store.finish(row.id, { result: spec.output.parse(result) });
    } catch (error) {
      await reporting;
      await store.finish(row.id, { error: apiErrorOf(error) }).catch(() => undefined);
    } finally {
      this.running.delete(row.id);
      await store.notify('duty.updated', [row.id]).catch(() => undefined);
    }
  }
}
