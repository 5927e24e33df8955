// Runs the simulated agents of bench:snmp in their own process, so that their CPU does not count
// as the poller's. Prints "ready" once every agent listens; stops on SIGTERM.
import { startSimulatedAgent } from '../helpers/snmp-agents';
import { benchAgentAddress } from './snmp-targets';

const count = Number(process.argv[2] ?? 1000);
const interfaces = Number(process.argv[3] ?? 10);
const agents = Array.from({ length: count }, (_, i) =>
  startSimulatedAgent({ address: benchAgentAddress(i), port: 161, vendor: 'generic', interfaces }),
);
agents.forEach((agent, i) => {
  for (let index = 1; index <= interfaces; index++)
    agent.setOctets(index, BigInt(i) * 1_000_000n + BigInt(index), 42n);
});
setTimeout(() => process.stdout.write('ready\n'), 500);
process.on('SIGTERM', () => {
  void Promise.all(agents.map((agent) => agent.close())).then(() => process.exit(0));
});
