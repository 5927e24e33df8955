// Utility-process entry of the ICMP pinger: one raw socket per address family for the life of
// the process, or the system-ping fallback when raw sockets are refused.
import { pingerApi } from '../../../shared/contract/pinger';
import { packResults, unpackTargets } from '../../../shared/domain/ping/packed';
import { createPinger } from './create-pinger';
import { serveWorker } from '../host/serve-worker';

// Served at once, so the supervisor sees the worker ready; calls wait for the engine to open.
const pinger = createPinger();

serveWorker('pinger', pingerApi, {
  'ping.run': async ({ targets, options }) =>
    packResults(await (await pinger).run(unpackTargets(targets), options)),
  'ping.mode': async () => (await pinger).mode(),
});
