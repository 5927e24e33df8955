import type { ApiOutput } from '../../../shared/contract/api';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { topologyApiMethods } from '../../../shared/contract/topology';
import type { Repository } from '../store/repository';
import type { TopologyService } from './topology-service';

type TopologyMethod = keyof typeof topologyApiMethods;
export type TopologyApiHandlers = Pick<ApiHandlers, TopologyMethod>;

/**
 * The Topology page's methods. Accepting a proposal sets the child's parent through the
 * inventory's own update (checked for loops, audited, announced), one proposal at a time so that
 * one refused (a loop the others would close) does not hold back the rest.
 */
export function topologyApiHandlers(
  service: TopologyService,
  repo: Repository,
  now: () => number,
): (updateDevice: ApiHandlers['devices.update']) => TopologyApiHandlers {
  return (updateDevice) => ({
    'topology.view': () => service.view(),
    'topology.discover': () => service.discover(),
    'topology.decide': async ({ proposals, decision }, caller) => {
      const done: typeof proposals = [];
      const failed: ApiOutput<'topology.decide'>['failed'] = [];
      for (const proposal of proposals) {
        try {
          if (decision === 'accept')
            await updateDevice({ id: proposal.childId, patch: { parentId: proposal.parentId } }, caller);
          done.push(proposal);
        } catch (error) {
          failed.push({ ...proposal, reason: (error as Error).message });
        }
      }
      if (done.length > 0) {
        await service.decided(done, decision === 'accept' ? 'accepted' : 'rejected', caller.name);
        await repo.audit.add({
          at: now(),
          actor: caller.name,
          action: `topology.${decision}`,
          target: `devices:${done.map(({ childId }) => childId).join(',')}`,
          details: done.map(({ childId, parentId }) => `${childId}→${parentId}`).join(', '),
        });
      }
      return { done: done.length, failed };
    },
  });
}
