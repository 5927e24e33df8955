import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClusterStatus } from '../../../shared/contract/cluster';
import { holderToken } from '../../../shared/domain/cluster/lease';
import type { Language } from '../../../shared/i18n';
import type { EventBus } from '../event-bus';
import type { StoreConfig } from '../store/open-store';
import type { Repository } from '../store/repository';
import { clusterApiHandlers, type ClusterApiHandlers } from './api-handlers';
import { ClusterRole, type ClusterRoleOptions, type PollerDuty } from './cluster-role';
import { DutyRequests } from './duty-requests';
import { DutyStore } from './duty-store';
import type { GroupDuty } from './group-duty';
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

/**
 * The leases of a store shared with other instances (PostgreSQL); null for SQLite, where one
 * instance alone polls everything. Made before the services that ask it whether they still lead.
 */
export function leasesFor(
  store: StoreConfig,
  identity: ClusterIdentity,
  cycleMs: () => number,
  log: (message: string) => void,
): LeaseKeeper | null {
  if (store.dialect !== 'postgres') return null;
  return new LeaseKeeper({ url: store.url, ...identity, cycleMs, log });
}

/**
 * The operators' actions carried to each subject's group leader (see duty-requests.ts): through
 * the store on a shared PostgreSQL; run here, as one instance alone, on SQLite.
 */
export function dutyRequestsFor(
  store: StoreConfig,
  identity: ClusterIdentity,
  leases: LeaseKeeper | null,
  duty: Pick<GroupDuty, 'leads'>,
  language: () => Language,
  log: (message: string) => void,
): DutyRequests {
  return new DutyRequests({
    store: leases && store.dialect === 'postgres' ? new DutyStore(store.url, identity.holder) : null,
    leads: (group) => duty.leads(group),
    ledGroups: () => (leases ? [...leases.terms().keys()].filter((group) => leases.holdsNow(group)) : []),
    language,
    log,
  });
}

export interface StartClusterOptions extends Omit<ClusterRoleOptions, 'repo'> {
  identity: ClusterIdentity;
  repo: Repository;
  bus: EventBus;
  store: StoreConfig;
  /** From leasesFor (null: SQLite, nothing starts but the groups' API). */
  leases: LeaseKeeper | null;
  pollers: PollerDuty;
  /** From dutyRequestsFor: it hears the other instances' requests and answers through the relay. */
  duties: DutyRequests;
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
  const { identity, repo, store, leases, log } = options;
  const status = async (): Promise<ClusterStatus> => ({
    enabled: leases !== null,
    self: { instanceId: identity.instanceId, label: identity.label },
    leaders: leases === null ? [] : await repo.cluster.leaders(),
    leading: leases ? [...leases.terms().keys()] : [],
  });
  if (leases === null || store.dialect !== 'postgres')
    return {
      handlers: clusterApiHandlers({
        repo,
        status,
        changed: async () => undefined,
        language: options.language,
      }),
      stop: async () => undefined,
    };

  const role = new ClusterRole(options);
  const relay = new EventRelay({
    url: store.url,
    holder: identity.holder,
    repo,
    bus: options.bus,
    inventoryChanged: options.inventoryChanged,
    groupsChanged: () => role.membershipChanged(),
    dutyNotice: (kind, ids) => options.duties.notice(kind, ids),
    log,
  });
  await relay.start();
  options.duties.start();
  leases.start((terms) => void role.termsChanged(terms));
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
      // No request is taken any more (those running here are answered, cancelled), no new term
      // starts, the pollers stop, then the leases go back: another instance polls at once.
      await options.duties.stop();
      await leases.halt();
      await role.stop();
      await leases.release();
      await relay.stop();
    },
  };
}
