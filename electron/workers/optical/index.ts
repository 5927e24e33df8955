// Utility-process entry of the optical collector: one session per Smart API endpoint for the life
// of the process, so each endpoint logs in once and only again when its token stops working.
import { OPTICAL_PROGRESS_EVENT, opticalWorkerApi } from '../../../shared/contract/optical-worker';
import { parseCard, parseMeasure, parseVendorAlarm } from '../../../shared/domain/optical/records';
import { serveWorker } from '../host/serve-worker';
import { SmartApiCollector } from './collect';

// Pages report progress as they arrive; the engine shows it beside the endpoint.
let emit: (event: string, data: unknown) => void = () => undefined;
const collector = new SmartApiCollector((progress) => emit(OPTICAL_PROGRESS_EVENT, progress));

({ emit } = serveWorker('optical', opticalWorkerApi, {
  'optical.inventory': ({ target, options }) => collector.collect('inventory', target, options, parseCard),
  'optical.measures': ({ target, options }) => collector.collect('measures', target, options, parseMeasure),
  'optical.alarms': ({ target, options }) => collector.collect('alarm', target, options, parseVendorAlarm),
}));
