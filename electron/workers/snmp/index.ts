// Utility-process entry of the SNMP poller: one SnmpPoller for the life of the process, so that
// what each device is (its discovery) is read once and then only when it changes.
import { snmpApi } from '../../../shared/contract/snmp';
import { inLanes } from './lanes';
import { readNeighbours } from './neighbours';
import { SnmpPoller } from './poller';
import { serveWorker } from '../host/serve-worker';

const poller = new SnmpPoller();

serveWorker('snmp', snmpApi, {
  'snmp.poll': ({ targets, options }) => poller.poll(targets, options),
  'snmp.neighbours': ({ targets, options }) =>
    inLanes(targets, options.concurrency, (target) => readNeighbours(target, options)),
});
