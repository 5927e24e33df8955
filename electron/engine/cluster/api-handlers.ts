import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import {
  DEFAULT_POLLER_GROUP,
  type clusterApiMethods,
  type ClusterStatus,
} from '../../../shared/contract/cluster';
import { invalidInput, notFound } from '../../../shared/contract/api-failure';
import { translate, type Language } from '../../../shared/i18n';
import type { Repository } from '../store/repository';

export type ClusterApiHandlers = Pick<ApiHandlers, keyof typeof clusterApiMethods>;

export interface ClusterApiDeps {
  repo: Repository;
  /** This instance and the groups it leads (a SQLite store: one instance alone, leading nothing). */
  status(): Promise<ClusterStatus>;
  /** Groups or their devices changed here: the pollers and the other instances take it up. */
  changed(): Promise<void>;
  language(): Language;
}

/** Poller groups (CRUD, bulk assignment) and who leads each. */
export function clusterApiHandlers({ repo, status, changed, language }: ClusterApiDeps): ClusterApiHandlers {
  const missing = (id: number) => notFound(translate(language(), 'cluster.groupNotFound', { id }));
  const audit = (actor: string, action: string, target: string, details: string) =>
    repo.audit.add({ at: Date.now(), actor, action, target, details });
  return {
    'cluster.status': () => status(),
    'cluster.groups.list': () => repo.cluster.groups(),
    'cluster.groups.save': async (input, caller) => {
      const saved = await repo.cluster.saveGroup(input);
      if (!saved) {
        if (input.id !== null && !(await repo.cluster.groups()).some((group) => group.id === input.id))
          throw missing(input.id);
        const message = translate(language(), 'cluster.groupNameTaken', { name: input.name });
        throw invalidInput(message, [{ path: 'name', message }]);
      }
      await audit(caller.name, 'cluster.groups.save', `poller-group:${saved.id}`, saved.name);
      await changed();
      return saved;
    },
    'cluster.groups.delete': async ({ id }, caller) => {
      if (id === DEFAULT_POLLER_GROUP) throw invalidInput(translate(language(), 'cluster.defaultGroupStays'));
      if (!(await repo.cluster.deleteGroup(id))) throw missing(id);
      await audit(caller.name, 'cluster.groups.delete', `poller-group:${id}`, '');
      await changed();
    },
    'cluster.groups.assign': async ({ groupId, deviceIds }, caller) => {
      if (!(await repo.cluster.groups()).some((group) => group.id === groupId)) throw missing(groupId);
      const moved = await repo.cluster.assign(groupId, deviceIds);
      await audit(caller.name, 'cluster.groups.assign', `poller-group:${groupId}`, `${moved} device(s)`);
      await changed();
      return { moved };
    },
  };
}
