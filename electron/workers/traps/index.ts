// Utility-process entry of the SNMP trap and inform receiver: a trap storm, a malformed PDU or a
// port that cannot be bound stays in this process; the engine receives checked notices in batches.
import { TRAPS_EVENT, trapsWorkerApi } from '../../../shared/contract/traps-worker';
import { serveWorker } from '../host/serve-worker';
import { TrapReceiver } from './receiver';

const receiver = new TrapReceiver((notices) => worker.emit(TRAPS_EVENT, notices));

const worker = serveWorker('traps', trapsWorkerApi, {
  'traps.configure': (config) => receiver.configure(config),
  'traps.stats': async () => receiver.stats(),
});
