// Utility-process entry of the synthetic checker: DNS, HTTP(S) and TCP probes, away from the
// engine so a slow or hostile far end never stalls the engine's own loop.
import { syntheticWorkerApi } from '../../../shared/contract/synthetic-worker';
import { serveWorker } from '../host/serve-worker';
import { runProbes } from './run-probes';

serveWorker('synthetic', syntheticWorkerApi, {
  'synthetic.run': ({ probes, concurrency }) => runProbes(probes, concurrency),
});
