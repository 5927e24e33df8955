import type { opticalApiMethods } from '../../../shared/contract/optical';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { OpticalService } from './optical-service';

type OpticalMethod = keyof typeof opticalApiMethods;
export type OpticalApiHandlers = Pick<ApiHandlers, OpticalMethod>;

/** The optical methods of the API, answered by the optical service. */
export function opticalApiHandlers(service: OpticalService): OpticalApiHandlers {
  return {
    'optical.config.get': async () => service.settings(),
    'optical.config.set': ({ config }, { name }) => service.configure(config, name),
    'optical.health': async () => service.health(),
    'optical.collectNow': async ({ endpointId, collection }) => {
      await service.collect(endpointId, collection === 'measures' ? 'all' : collection);
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
