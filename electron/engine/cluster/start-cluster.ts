import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClusterStatus } from '../../../shared/contract/cluster';
import { holderToken } from '../../../shared/domain/cluster/lease';
import type { Language } from '../../../shared/i18n';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';
import { clusterApiHandlers, type ClusterApiHandlers } from './api-handlers';
import { ClusterRole, type ClusterRoleOptions, type PollerDuty } from './cluster-role';
import { EventRelay } from './event-relay';
import { stableInstanceId } from './instance-id';
import { LeaseKeeper } from './lease-keeper';

/** Who this process is among the instances of one store: shown in the UI, carried by its writes. */
export interface ClusterIdentity {
  instanceId: string;
  /** The fencing holder: this process alone (a restart is another incarnation). */
  holder: string;
  label: string;
}

export function clusterIdentity(dataDir: string): ClusterIdentity {
  const instanceId = stableInstanceId(dataDir);
  return {
    instanceId,
    holder: holderToken(instanceId, process.pid, randomBytes(4).toString('hex')),
    label: `${hostname()} · pid ${process.pid}`,
  };
}

export interface StartClusterOptions extends Omit<ClusterRoleOptions, 'repo'> {
  identity: ClusterIdentity;
  repo: Repository;
  bus: EventBus;
  /** The shared PostgreSQL; null for SQLite: one instance alone polls everything (nothing starts). */
  url: string | null;
  pollers: PollerDuty;
  /** The ICMP critical interval: one lease lasts one cycle. */
  cycleMs(): number;
  inventoryChanged(): Promise<void>;
  language(): Language;
}

export interface RunningCluster {
  handlers: ClusterApiHandlers;
  stop(): Promise<void>;
}

/**
 * Several instances on one PostgreSQL: leases per poller group (LeaseKeeper), the pollers and the
 * sending of the groups led here (ClusterRole), and the live link to the others (EventRelay).
 * On SQLite only the groups' API is served and the caller runs the pollers as one instance alone.
 */
export async function startCluster(options: StartClusterOptions): Promise<RunningCluster> {
  const { identity, repo, url, log } = options;
  let keeper: LeaseKeeper | null = null;
  const status = async (): Promise<ClusterStatus> => ({
    enabled: url !== null,
    self: { instanceId: identity.instanceId, label: identity.label },
    leaders: url === null ? [] : await repo.cluster.leaders(),
    leading: keeper ? [...keeper.terms().keys()] : [],
  });
  if (url === null)
    return {
      handlers: clusterApiHandlers({ repo, status, changed: async () => undefined, language: options.language }),
      stop: async () => undefined,
    };

  const role = new ClusterRole(options);
  const relay = new EventRelay({
    url,
    holder: identity.holder,
    repo,
    bus: options.bus,
    inventoryChanged: options.inventoryChanged,
    groupsChanged: () => role.membershipChanged(),
    log,
  });
  await relay.start();
  keeper = new LeaseKeeper({
    url,
    holder: identity.holder,
    instanceId: identity.instanceId,
    label: identity.label,
    cycleMs: options.cycleMs,
    onChange: (terms) => void role.termsChanged(terms),
    log,
  });
  keeper.start();
  const running = keeper;
  return {
    handlers: clusterApiHandlers({
      repo,
      status,
      changed: async () => {
        relay.announce('groups.changed', []);
        await role.membershipChanged();
      },
      language: options.language,
    }),
    async stop() {
      // No new term starts, the pollers stop, then the leases go back: another instance polls at once.
      await running.halt();
      await role.stop();
      await running.release();
      await relay.stop();
    },
  };
}
