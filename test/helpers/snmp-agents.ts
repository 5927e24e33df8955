import * as snmp from 'net-snmp';

/**
 * In-process SNMP agents that look like the radios and routers of a regional ISP: a MikroTik AP
 * with a registration table, an airMAX station, or a plain router. Built on net-snmp's agent, with
 * its GetBulk corrected to RFC 3416 (it caps the whole answer at max-repetitions values instead of
 * per column) so the poller sees what a real device sends.
 */
export type SimulatedVendor = 'mikrotik' | 'airmax' | 'generic';

export interface SimulatedAgentOptions {
  address: string;
  port: number;
  vendor: SimulatedVendor;
  interfaces: number;
  community?: string;
  /** Serve only the 32-bit ifTable counters (an old or cheap device). */
  only32bit?: boolean;
  v3User?: { name: string; authKey: string; privKey: string };
  clients?: number;
}

export interface SimulatedAgent {
  setOctets(index: number, inOctets: bigint, outOctets: bigint): void;
  setOperUp(index: number, up: boolean): void;
  /** sysUpTime starts again from zero and the counters with it. */
  reboot(): void;
  close(): Promise<void>;
}

const { ObjectType, MaxAccess, MibProviderType } = snmp;
const ro = MaxAccess['read-only'];
const na = MaxAccess['not-accessible'];

const sysObjectIds: Record<SimulatedVendor, string> = {
  mikrotik: '1.3.6.1.4.1.14988.1',
  airmax: '1.3.6.1.4.1.41112.1.4',
  generic: '1.3.6.1.4.1.8072.3.2.10',
};
const sysDescrs: Record<SimulatedVendor, string> = {
  mikrotik: 'RouterOS RB4011iGS+',
  airmax: 'Linux 2.6.32.71 #1 Fri Sep 13 2024 airOS XC.v8.7.11',
  generic: 'Linux edge-router 6.1.0 x86_64',
};

const counter64 = (value: bigint): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt.asUintN(64, value));
  return buffer;
};
const counter32 = (value: bigint): number => Number(BigInt.asUintN(32, value));

function scalar(
  name: string,
  oid: string,
  scalarType: number,
  handler?: (request: MibRequest) => void,
): object {
  return {
    name,
    type: MibProviderType.Scalar,
    oid,
    scalarType,
    maxAccess: ro,
    ...(handler ? { handler } : {}),
  };
}

interface MibRequest {
  instanceNode: { value: unknown };
  done(): void;
}

function column(number: number, name: string, type: number, maxAccess = ro): object {
  return { number, name, type, maxAccess };
}

const ifTable = {
  name: 'ifTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.2.1.2.2.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'ifIndex', ObjectType.Integer),
    column(2, 'ifDescr', ObjectType.OctetString),
    column(5, 'ifSpeed', ObjectType.Gauge),
    column(8, 'ifOperStatus', ObjectType.Integer),
    column(10, 'ifInOctets', ObjectType.Counter),
    column(13, 'ifInDiscards', ObjectType.Counter),
    column(14, 'ifInErrors', ObjectType.Counter),
    column(16, 'ifOutOctets', ObjectType.Counter),
    column(19, 'ifOutDiscards', ObjectType.Counter),
    column(20, 'ifOutErrors', ObjectType.Counter),
  ],
  tableIndex: [{ columnName: 'ifIndex' }],
};

const ifXTable = {
  name: 'ifXTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.2.1.31.1.1.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'ifName', ObjectType.OctetString),
    column(6, 'ifHCInOctets', ObjectType.Counter64),
    column(10, 'ifHCOutOctets', ObjectType.Counter64),
    column(15, 'ifHighSpeed', ObjectType.Gauge),
    column(18, 'ifAlias', ObjectType.OctetString),
  ],
  tableAugments: 'ifTable',
};

const mikrotikRegistrationTable = {
  name: 'mtxrWlRtabTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.4.1.14988.1.1.1.2.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'mtxrWlRtabAddr', ObjectType.Integer, na),
    column(3, 'mtxrWlRtabStrength', ObjectType.Integer),
    column(8, 'mtxrWlRtabTxRate', ObjectType.Gauge),
    column(9, 'mtxrWlRtabRxRate', ObjectType.Gauge),
    column(12, 'mtxrWlRtabSignalToNoise', ObjectType.Integer),
  ],
  tableIndex: [{ columnName: 'mtxrWlRtabAddr' }],
};

const mikrotikApTable = {
  name: 'mtxrWlApTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.4.1.14988.1.1.1.3.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'mtxrWlApIndex', ObjectType.Integer, na),
    column(2, 'mtxrWlApTxRate', ObjectType.Gauge),
    column(3, 'mtxrWlApRxRate', ObjectType.Gauge),
    column(6, 'mtxrWlApClientCount', ObjectType.Gauge),
    column(9, 'mtxrWlApNoiseFloor', ObjectType.Integer),
    column(10, 'mtxrWlApOverallTxCCQ', ObjectType.Integer),
  ],
  tableIndex: [{ columnName: 'mtxrWlApIndex' }],
};

const airmaxStatTable = {
  name: 'ubntWlStatTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.4.1.41112.1.4.5.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'ubntWlStatIndex', ObjectType.Integer, na),
    column(5, 'ubntWlStatSignal', ObjectType.Integer),
    column(7, 'ubntWlStatCcq', ObjectType.Integer),
    column(8, 'ubntWlStatNoiseFloor', ObjectType.Integer),
    column(9, 'ubntWlStatTxRate', ObjectType.Integer),
    column(10, 'ubntWlStatRxRate', ObjectType.Integer),
    column(15, 'ubntWlStatStaCount', ObjectType.Gauge),
  ],
  tableIndex: [{ columnName: 'ubntWlStatIndex' }],
};

const airmaxTable = {
  name: 'ubntAirMaxTable',
  type: MibProviderType.Table,
  oid: '1.3.6.1.4.1.41112.1.4.6.1',
  maxAccess: na,
  tableColumns: [
    column(1, 'ubntAirMaxIfIndex', ObjectType.Integer, na),
    column(4, 'ubntAirMaxCapacity', ObjectType.Integer),
  ],
  tableIndex: [{ columnName: 'ubntAirMaxIfIndex' }],
};

interface MibNodeInternals {
  oid: string;
  valueType: number;
  value: unknown;
  getNextInstanceNode(): MibNodeInternals | null;
}
interface MibInternals {
  lookup(oid: string): MibNodeInternals | null;
  getTreeNode(oid: string): MibNodeInternals;
}
interface AgentInternals {
  mib: MibInternals;
  request(socket: unknown, message: unknown, rinfo: unknown): void;
  getBulkRequest(socket: unknown, message: { pdu: BulkPdu }, rinfo: unknown): void;
}
interface BulkPdu {
  nonRepeaters: number;
  maxRepetitions: number;
  varbinds: { oid: string }[];
}

/** Keeps answers of the simulated agents within what a real agent fits in one message. */
const MAX_BULK_VARBINDS = 500;

/** What changes the shape of an agent's MIB tree; values are set in place on the same nodes. */
const treeChanges = [
  'addNodesForOid',
  'addNodesForAddress',
  'addProviderToNode',
  'registerProvider',
  'registerProviders',
  'unregisterProvider',
  'setScalarValue',
  'addTableRow',
  'deleteTableRow',
] as const;

/**
 * Lookups and next-instance steps memoised per agent, cleared whenever the tree changes shape: a
 * thousand agents in one process otherwise spend most of their time turning OID strings into tree
 * addresses, which would make the simulator, not the poller, what bench:snmp measures. Values
 * are read from the nodes at answer time, so answers stay current.
 */
function memoiseTree(mib: MibInternals): (oid: string) => MibNodeInternals | null {
  const lookups = new Map<string, MibNodeInternals | null>();
  const nexts = new Map<string, MibNodeInternals | null>();
  const lookup = mib.lookup.bind(mib);
  mib.lookup = (oid) => {
    let node = lookups.get(oid);
    if (node === undefined) {
      node = lookup(oid);
      lookups.set(oid, node);
    }
    return node;
  };
  const mutable = mib as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of treeChanges) {
    const change = mutable[name]!.bind(mib);
    mutable[name] = (...args: unknown[]) => {
      lookups.clear();
      nexts.clear();
      return change(...args);
    };
  }
  // As net-snmp's Agent.addGetNextVarbind: a start off the tree begins from its nearest node.
  return (startOid) => {
    let next = nexts.get(startOid);
    if (next === undefined) {
      let start: MibNodeInternals | null;
      try {
        start = mib.lookup(startOid) ?? mib.getTreeNode(startOid);
      } catch {
        start = mib.lookup('1.3.6.1');
      }
      next = start?.getNextInstanceNode() ?? null;
      nexts.set(startOid, next);
    }
    return next;
  };
}

function correctGetBulk(agent: AgentInternals): void {
  const nextNode = memoiseTree(agent.mib);
  const addNext = (answer: unknown[], oid: string): MibNodeInternals | null => {
    const node = nextNode(oid);
    answer.push(
      node
        ? { previousOid: oid, oid: node.oid, type: node.valueType, value: node.value }
        : { previousOid: oid, oid, type: ObjectType.EndOfMibView, value: null },
    );
    return node;
  };
  agent.getBulkRequest = function (socket, message, rinfo) {
    const pdu = message.pdu;
    const answer: unknown[] = [];
    const nonRepeaters = Math.min(pdu.nonRepeaters, pdu.varbinds.length);
    for (let i = 0; i < nonRepeaters; i++) addNext(answer, pdu.varbinds[i]!.oid);
    const cursors = pdu.varbinds.slice(nonRepeaters).map((varbind) => varbind.oid);
    for (
      let row = 0;
      row < pdu.maxRepetitions && cursors.length > 0 && answer.length < MAX_BULK_VARBINDS;
      row++
    ) {
      let allEnded = true;
      cursors.forEach((cursor, i) => {
        const node = addNext(answer, cursor);
        if (node && node.valueType !== ObjectType.EndOfMibView) {
          cursors[i] = node.oid;
          allEnded = false;
        }
      });
      if (allEnded) break;
    }
    pdu.varbinds = answer as { oid: string }[];
    this.request(socket, message, rinfo);
  };
}

export function startSimulatedAgent(options: SimulatedAgentOptions): SimulatedAgent {
  const agent = snmp.createAgent(
    { port: options.port, address: options.address, disableAuthorization: false },
    () => undefined,
  );
  correctGetBulk(agent as AgentInternals);
  const authorizer = agent.getAuthorizer();
  authorizer.addCommunity(options.community ?? 'public');
  if (options.v3User) {
    authorizer.addUser({
      name: options.v3User.name,
      level: snmp.SecurityLevel.authPriv,
      authProtocol: snmp.AuthProtocols.sha,
      authKey: options.v3User.authKey,
      privProtocol: snmp.PrivProtocols.aes,
      privKey: options.v3User.privKey,
    });
  }
  const mib = agent.getMib();
  // The agent copies a value's whole table row into each answered varbind, only for its own
  // callback, which these read-only agents ignore: without it a thousand agents fit in one process.
  mib.getTableRowCells = () => null;
  let bootedAt = Date.now();
  let closed = false;
  mib.registerProviders([
    scalar('sysDescr', '1.3.6.1.2.1.1.1', ObjectType.OctetString),
    scalar('sysObjectID', '1.3.6.1.2.1.1.2', ObjectType.OID),
    scalar('sysUpTime', '1.3.6.1.2.1.1.3', ObjectType.TimeTicks, (request) => {
      request.instanceNode.value = Math.floor((Date.now() - bootedAt) / 10);
      request.done();
    }),
    scalar('sysName', '1.3.6.1.2.1.1.5', ObjectType.OctetString),
    ifTable,
    ...(options.only32bit ? [] : [ifXTable]),
  ]);
  mib.setScalarValue('sysDescr', sysDescrs[options.vendor]);
  mib.setScalarValue('sysObjectID', sysObjectIds[options.vendor]);
  mib.setScalarValue('sysUpTime', 0);
  mib.setScalarValue('sysName', `${options.vendor}-${options.address}`);

  for (let index = 1; index <= options.interfaces; index++) {
    mib.addTableRow('ifTable', [index, `ether${index}`, 1_000_000_000, 1, 0, 0, 0, 0, 0, 0]);
    if (!options.only32bit) {
      mib.addTableRow('ifXTable', [
        index,
        `ether${index}`,
        counter64(0n),
        counter64(0n),
        1000,
        `uplink ${index}`,
      ]);
    }
  }

  const clients = options.clients ?? 3;
  if (options.vendor === 'mikrotik') {
    mib.registerProviders([mikrotikRegistrationTable, mikrotikApTable]);
    for (let client = 1; client <= clients; client++) {
      mib.addTableRow('mtxrWlRtabTable', [client, -60 - client, 130_000_000, 117_000_000, 30 - client]);
    }
    mib.addTableRow('mtxrWlApTable', [1, 300_000_000, 270_000_000, clients, -105, 87]);
  } else if (options.vendor === 'airmax') {
    mib.registerProviders([airmaxStatTable, airmaxTable]);
    mib.addTableRow('ubntWlStatTable', [1, -71, 92, -96, 300_000, 270_000, 1]);
    mib.addTableRow('ubntAirMaxTable', [1, 78]);
  }

  return {
    setOctets(index, inOctets, outOctets) {
      mib.setTableSingleCell('ifTable', 10, [index], counter32(inOctets));
      mib.setTableSingleCell('ifTable', 16, [index], counter32(outOctets));
      if (!options.only32bit) {
        mib.setTableSingleCell('ifXTable', 6, [index], counter64(inOctets));
        mib.setTableSingleCell('ifXTable', 10, [index], counter64(outOctets));
      }
    },
    setOperUp(index, up) {
      mib.setTableSingleCell('ifTable', 8, [index], up ? 1 : 2);
    },
    reboot() {
      bootedAt = Date.now();
      for (let index = 1; index <= options.interfaces; index++) this.setOctets(index, 0n, 0n);
    },
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise((resolve) => agent.close(() => resolve()));
    },
  };
}
