import type { opticalApiMethods } from '../../../shared/contract/optical';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { DutyRouter } from '../cluster/duty-requests';
import type { OpticalService } from './optical-service';

type OpticalMethod = keyof typeof opticalApiMethods;
export type OpticalApiHandlers = Pick<ApiHandlers, OpticalMethod>;

/** How long a round on another instance ("collect now") is waited for. */
const COLLECT_ANSWER_MS = 5 * 60_000;

/**
 * The optical methods of the API, answered by the optical service; "collect now" runs on the
 * leader of the endpoint's poller group (and answers the other instances' requests when this one
 * leads).
 */
export function opticalApiHandlers(service: OpticalService, duties: DutyRouter): OpticalApiHandlers {
  duties.serve('optical.collect', ({ endpointId, kind }) => service.collect(endpointId, kind));
  return {
    'optical.config.get': async () => service.settings(),
    'optical.config.set': ({ config }, { name }) => service.configure(config, name),
    'optical.health': async () => service.health(),
    'optical.collectNow': async ({ endpointId, collection }) => {
      const kind = collection === 'measures' ? 'all' : collection;
      await duties.run(
        'optical.collect',
        service.groupOf(endpointId),
        { endpointId, kind },
        {
          timeoutMs: COLLECT_ANSWER_MS,
        },
      );
    },
    'optical.sites': () => service.sites(),
    'optical.site.map': ({ endpointId, site, towerId }, { name }) =>
      service.mapSite(endpointId, site, towerId, name),
    'optical.cards': ({ endpointId, site }) => service.cards(endpointId, site),
    'optical.cardEvents': ({ limit }) => service.cardEvents(limit),
    'optical.vendorAlarms': async () => service.vendorAlarms(),
    'optical.history': ({ endpointId, measureUid, resolution, range }) =>
      service.history(endpointId, measureUid, resolution, range),
    'optical.rules.preview': async ({ rule }) => service.preview(rule),
  };
}
