import type { z } from 'zod';
import type { OpticalConfigInput } from '../../shared/contract/optical';
import type { CollectProgress } from '../../shared/contract/optical-worker';
import { parseCard, parseMeasure, parseVendorAlarm } from '../../shared/domain/optical/records';
import { SmartApiCollector } from '../../electron/workers/optical/collect';
import type { OpticalTransport } from '../../electron/engine/collectors/optical-port';

/** The collector's own code run in the test process, over real HTTP: no worker process to start. */
export function inProcessOpticalTransport(): OpticalTransport {
  const listeners = new Set<(progress: CollectProgress) => void>();
  const collector = new SmartApiCollector((progress) => listeners.forEach((listener) => listener(progress)));
  return {
    inventory: (target, options) => collector.collect('inventory', target, options, parseCard),
    measures: (target, options) => collector.collect('measures', target, options, parseMeasure),
    alarms: (target, options) => collector.collect('alarm', target, options, parseVendorAlarm),
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A Padtec endpoint as the Optical settings form sends it, at `baseUrl` (the simulator's). */
export function endpointInput(
  baseUrl: string,
  fields: Partial<z.input<typeof OpticalConfigInput>['endpoints'][number]> = {},
) {
  return {
    id: null,
    name: 'Backbone Sul',
    baseUrl,
    pathPrefix: '/nms-api',
    username: 'admin',
    clientId: 'vigia-test',
    timeZone: 'America/Sao_Paulo',
    enabled: true,
    password: 'padtec',
    ...fields,
  };
}
