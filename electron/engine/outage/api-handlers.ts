import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { outageApiMethods } from '../../../shared/contract/outage';
import { translate, type Language } from '../../../shared/i18n';
import { ApiFailure } from '../../../shared/contract/api-failure';
import type { MemoryUplink } from './memory-uplink';
import type { OutageService } from './outage-service';

type OutageMethod = keyof typeof outageApiMethods;
export type OutageApiHandlers = Pick<ApiHandlers, OutageMethod>;

/** The uplink checks the demo network simulates (they reach no address). */
export const DEMO_UPLINK_CHECKS = ['DNS', 'HTTPS'];

export function outageApiHandlers(
  service: OutageService,
  demoUplink: MemoryUplink | null,
  language: () => Language,
): OutageApiHandlers {
  return {
    'outage.status': async () => service.status(),
    'outage.demoUplink': async ({ down }) => {
      if (!demoUplink)
        throw new ApiFailure({
          code: 'forbidden',
          message: translate(language(), 'outage.demoOnly'),
          issues: [],
        });
      demoUplink.set({
        down,
        since: new Date().toISOString(),
        failing: down ? DEMO_UPLINK_CHECKS : [],
      });
      await service.idle();
      return service.status();
    },
  };
}
