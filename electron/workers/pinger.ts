// Utility-process entry of the ICMP pinger: one raw socket per address family for the life of
// the process (or the system-ping fallback when raw sockets are refused).
import { pingerApi } from '../../shared/contract/pinger';
import { createPinger } from '../engine/ping/create-pinger';
import { serveWorker } from '../engine/workers/serve';

const pinger = createPinger();

serveWorker('pinger', pingerApi, {
  'ping.run': ({ targets, options }) => pinger.run(targets, options),
  'ping.mode': () => pinger.mode(),
});
