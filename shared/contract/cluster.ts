import { z } from 'zod';
import { epochMs } from './entities';

const id = z.number().int().positive();

/** The poller group every device belongs to unless assigned to another; it cannot be deleted. */
export const DEFAULT_POLLER_GROUP = 1;

/** A stable instance id (kept in the data folder): letters, digits and dashes. */
export const InstanceId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'identificador de instância inválido / invalid instance id');

/** Devices polled together by one leader (a site, a region), optionally pinned to instances. */
export const PollerGroup = z.object({
  id,
  /** Empty for the default group (shown translated). */
  name: z.string().max(80),
  /** Instances that may lead it (those that reach its devices); empty: any instance. */
  pinned: z.array(InstanceId).max(50),
  devices: z.number().int().nonnegative(),
});
export type PollerGroup = z.infer<typeof PollerGroup>;

export const PollerGroupInput = z.object({
  /** Null adds a group. */
  id: id.nullable(),
  name: z.string().trim().min(1, 'informe um nome / enter a name').max(80),
  pinned: z.array(InstanceId).max(50).default([]),
});
export type PollerGroupInput = z.input<typeof PollerGroupInput>;

/** Who leads a group now: the instance (host name, process, stable id), since when, its term. */
export const GroupLeader = z.object({
  groupId: id,
  instanceId: z.string(),
  label: z.string(),
  since: epochMs,
  epoch: z.number().int().positive(),
  expiresAt: epochMs,
});
export type GroupLeader = z.infer<typeof GroupLeader>;

/** This instance and what it sees of the cluster (PostgreSQL; a SQLite store is one instance alone). */
export const ClusterStatus = z.object({
  enabled: z.boolean(),
  self: z.object({ instanceId: z.string(), label: z.string() }),
  leaders: z.array(GroupLeader),
  /** The groups this instance leads now. */
  leading: z.array(id),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const clusterApiMethods = {
  'cluster.status': { input: z.void(), output: ClusterStatus },
  'cluster.groups.list': { input: z.void(), output: z.array(PollerGroup) },
  'cluster.groups.save': { input: PollerGroupInput, output: PollerGroup },
  /** Its devices go back to the default group. */
  'cluster.groups.delete': { input: z.object({ id }), output: z.void() },
  /** Moves devices (bulk) into a group. */
  'cluster.groups.assign': {
    input: z.object({ groupId: id, deviceIds: z.array(id).min(1).max(20_000) }),
    output: z.object({ moved: z.number().int().nonnegative() }),
  },
} as const;
