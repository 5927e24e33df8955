import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { historyRangeMs } from '../../../shared/contract/common';
import type { syntheticApiMethods } from '../../../shared/contract/synthetic';
import { targetOf } from '../../../shared/domain/synthetic/alarms';
import { notFound } from '../../../shared/contract/api-failure';
import type { DutyRouter } from '../cluster/duty-requests';
import type { Repository } from '../store/repository';
import type { SyntheticService } from './synthetic-service';

type SyntheticMethod = keyof typeof syntheticApiMethods;

/** How long past its own timeout a check run on another instance is waited for. */
const ANSWER_MARGIN_MS = 10_000;
export type SyntheticApiHandlers = Pick<ApiHandlers, SyntheticMethod>;

/**
 * The synthetic checks' API: every change is audited with who made it. "Run now" runs on the
 * leader of the check's poller group, whichever instance it is pressed on (and answers the other
 * instances' requests when this one leads).
 */
export function syntheticApiHandlers(deps: {
  repo: Repository;
  service: SyntheticService;
  duties: DutyRouter;
  now: () => number;
}): SyntheticApiHandlers {
  const { repo, service, duties, now } = deps;
  const audit = (actor: string, action: string, target: string, details: string) =>
    repo.audit.add({ at: now(), actor, action, target, details });
  const mustExist = (id: number) => {
    const check = service.get(id);
    if (!check) throw notFound(`Synthetic check ${id} does not exist.`);
    return check;
  };
  duties.serve('synthetic.runNow', async ({ id }) => {
    mustExist(id);
    const result = await service.runNow(id);
    if (!result) throw notFound(`Synthetic check ${id} does not exist.`);
    return result;
  });
  return {
    'synthetic.checks.list': async () => service.list(),
    'synthetic.checks.create': async ({ check }, { name: by }) => {
      const created = await service.create(check);
      await audit(
        by,
        'synthetic.create',
        `synthetic:${created.id}`,
        `${created.name}: ${targetOf(created.spec)}`,
      );
      return created;
    },
    'synthetic.checks.update': async ({ id, check }, { name: by }) => {
      mustExist(id);
      const updated = await service.update(id, check);
      await audit(by, 'synthetic.update', `synthetic:${id}`, `${updated.name}: ${targetOf(updated.spec)}`);
      return updated;
    },
    'synthetic.checks.delete': async ({ id }, { name: by }) => {
      const check = mustExist(id);
      await service.delete(id);
      await audit(by, 'synthetic.delete', `synthetic:${id}`, check.name);
    },
    'synthetic.checks.runNow': async ({ id }) => {
      const check = mustExist(id);
      const result = await duties.run(
        'synthetic.runNow',
        check.groupId,
        { id },
        { timeoutMs: check.timeoutMs + ANSWER_MARGIN_MS },
      );
      // Run by another instance: this one's page and uplink signal take the stored result up now.
      await service.followStored(id);
      return result;
    },
    'synthetic.results': async ({ checkId, range }) => {
      mustExist(checkId);
      const to = now();
      return repo.synthetic.results(checkId, to - historyRangeMs[range], to);
    },
  };
}
