import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import type { Repository } from '../store/repository';
import type { Term } from './lease-keeper';

const RETRY_MS = 1_000;

/** The pollers of this instance (ICMP and SNMP): they run while it leads at least one group. */
export interface PollerDuty {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The devices they own changed (a group's membership): they take up the new list. */
  reload(): Promise<void>;
}

export interface ClusterRoleOptions {
  repo: Repository;
  pollers: PollerDuty;
  /** The open alarms as the store holds them: a new term decides from what the last leader left. */
  resyncAlarms(): Promise<void>;
  /** Narrows the pollers to the groups led here (the inventory's scope). */
  setScope(scope: { groups: ReadonlySet<number>; membership: ReadonlyMap<number, number> }): void;
  /** Telegram, webhooks and the bot: the default group's leader alone. */
  leadNotifications(leading: boolean): Promise<void>;
  /** The leader-only work outside the pollers (traps, optical, backups, synthetic checks) follows. */
  dutiesChanged(): void;
  log(message: string): void;
}

/**
 * What this instance does for the groups it leads: on every change of its terms the pollers stop
 * (their late writes are fenced anyway), the scope is set, and they start again from the store —
 * the open alarms and statuses another leader left — when any group is led. Changes run one after
 * another, in the order the lease keeper reports them.
 */
export class ClusterRole {
  private tail: Promise<void> = Promise.resolve();
  private polling = false;
  private groups: ReadonlySet<number> = new Set();
  private stopped = false;
  /** The last terms reported: a change that failed (the store away) is tried again with them. */
  private latest: ReadonlyMap<number, Term> = new Map();
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ClusterRoleOptions) {}

  /** The lease keeper's report: the groups this instance leads now, with their terms. */
  termsChanged(terms: ReadonlyMap<number, Term>): Promise<void> {
    this.latest = terms;
    return this.serial(async () => {
      if (this.stopped || terms !== this.latest) return;
      const { pollers, log } = this.options;
      const groups = new Set(terms.keys());
      if (this.polling) {
        await pollers.stop();
        this.polling = false;
      }
      this.groups = groups;
      await this.applyScope();
      if (groups.size > 0) await this.options.resyncAlarms();
      // Sending is taken up before the pollers start: their first alarms are routed as they come.
      await this.options.leadNotifications(groups.has(DEFAULT_POLLER_GROUP));
      if (groups.size > 0) {
        await pollers.start();
        this.polling = true;
      }
      this.options.dutiesChanged();
      log(`cluster: leading ${groups.size > 0 ? `groups ${[...groups].join(', ')}` : 'no group'}`);
    });
  }

  /** A group's devices changed (here or on another instance): the pollers take up their new list. */
  membershipChanged(): Promise<void> {
    return this.serial(async () => {
      await this.applyScope();
      if (this.polling) await this.options.pollers.reload();
      this.options.dutiesChanged();
    });
  }

  /** Stops the pollers and the sending for good (the engine is stopping). */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    return this.serial(async () => {
      if (this.polling) await this.options.pollers.stop();
      this.polling = false;
      await this.options.leadNotifications(false);
    });
  }

  private async applyScope(): Promise<void> {
    this.options.setScope({ groups: this.groups, membership: await this.options.repo.cluster.memberships() });
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.tail.then(work, work);
    this.tail = next.catch((error: unknown) => {
      const cause = (error as Error).cause as Error | undefined;
      this.options.log(
        `cluster: a role change failed (${cause?.message ?? (error as Error).message}); retrying`,
      );
      if (this.stopped || this.retry) return;
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.termsChanged(this.latest);
      }, RETRY_MS);
    });
    return this.tail;
  }
}
