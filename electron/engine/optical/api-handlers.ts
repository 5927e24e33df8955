import type { ApiOutput, ApiParsedInput } from '../../../shared/contract/api';
import type { opticalApiMethods } from '../../../shared/contract/optical';
import type { OpticalService } from './optical-service';

type OpticalMethod = keyof typeof opticalApiMethods;
export type OpticalApiHandlers = {
  [M in OpticalMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

/** The optical methods of the API, answered by the optical service. */
export function opticalApiHandlers(service: OpticalService): OpticalApiHandlers {
  return {
    'optical.config.get': async () => service.settings(),
    'optical.config.set': ({ config, by }) => service.configure(config, by),
    'optical.health': async () => service.health(),
    'optical.collectNow': async ({ endpointId, collection }) => {
      await service.collect(endpointId, collection === 'measures' ? 'all' : collection);
    },
    'optical.sites': () => service.sites(),
    'optical.site.map': ({ endpointId, site, towerId, by }) => service.mapSite(endpointId, site, towerId, by),
    'optical.cards': ({ endpointId, site }) => service.cards(endpointId, site),
    'optical.cardEvents': ({ limit }) => service.cardEvents(limit),
    'optical.vendorAlarms': async () => service.vendorAlarms(),
    'optical.history': ({ endpointId, measureUid, resolution, range }) =>
      service.history(endpointId, measureUid, resolution, range),
    'optical.rules.preview': async ({ rule }) => service.preview(rule),
  };
}
