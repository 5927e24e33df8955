// Utility-process entry of the optical collector: one session per Smart API endpoint for the life
// of the process, so each endpoint logs in once and only again when its token stops working.
import { opticalWorkerApi } from '../../../shared/contract/optical-worker';
import { parseCard, parseMeasure, parseVendorAlarm } from '../../../shared/domain/optical/records';
import { serveWorker } from '../host/serve-worker';
import { SmartApiCollector } from './collect';

const collector = new SmartApiCollector();

serveWorker('optical', opticalWorkerApi, {
  'optical.inventory': ({ target, options }) => collector.collect('inventory', target, options, parseCard),
  'optical.measures': ({ target, options }) => collector.collect('measures', target, options, parseMeasure),
  'optical.alarms': ({ target, options }) => collector.collect('alarm', target, options, parseVendorAlarm),
});
