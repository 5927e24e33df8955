import { createSocket, type Socket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import * as snmp from 'net-snmp';

/**
 * An SNMP agent that answers from a recorded walk (snmprec: `oid|tag|value`, one a line, as
 * snmpsim writes them), built on net-snmp's agent for the message layer (community, SNMPv3) with
 * Get/GetNext/GetBulk answered from the records exactly as listed. That is how agents really
 * behave, faults included:
 * - rows listed out of OID order are walked in the listed order (an agent that never sorted);
 * - tag 128/129 (noSuchObject/noSuchInstance) is answered as that exception, in a Get and a walk;
 * - tag 130 (endOfMibView) ends the agent's view there, mid-table;
 * - `4x` is an octet string in hex (Latin-1 descriptions, MAC addresses).
 */
export interface SnmpRecord {
  oid: string;
  type: snmp.ObjectType;
  value: unknown;
}

const { ObjectType } = snmp;

function compareOids(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function recordValue(tag: string, raw: string): { type: snmp.ObjectType; value: unknown } {
  switch (tag) {
    case '2':
      return { type: ObjectType.Integer, value: Number(raw) };
    case '4':
      return { type: ObjectType.OctetString, value: Buffer.from(raw, 'utf8') };
    case '4x':
      return { type: ObjectType.OctetString, value: Buffer.from(raw, 'hex') };
    case '6':
      return { type: ObjectType.OID, value: raw };
    case '64':
      return { type: ObjectType.IpAddress, value: raw };
    case '65':
      return { type: ObjectType.Counter, value: Number(raw) };
    case '66':
      return { type: ObjectType.Gauge, value: Number(raw) };
    case '67':
      return { type: ObjectType.TimeTicks, value: Number(raw) };
    case '70': {
      const buffer = Buffer.alloc(8);
      buffer.writeBigUInt64BE(BigInt(raw));
      return { type: ObjectType.Counter64, value: buffer };
    }
    case '128':
      return { type: ObjectType.NoSuchObject, value: null };
    case '129':
      return { type: ObjectType.NoSuchInstance, value: null };
    case '130':
      return { type: ObjectType.EndOfMibView, value: null };
    default:
      throw new Error(`snmprec tag ${tag} is not one this agent serves`);
  }
}

export function parseSnmprec(text: string): SnmpRecord[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [oid, tag, ...rest] = line.split('|');
      if (!oid || !tag) throw new Error(`not an snmprec line: ${line}`);
      return { oid, ...recordValue(tag, rest.join('|')) };
    });
}

export const loadSnmprec = async (path: string): Promise<SnmpRecord[]> =>
  parseSnmprec(await readFile(path, 'utf8'));

export interface SnmprecAgentOptions {
  records: SnmpRecord[];
  address: string;
  port: number;
  community?: string;
  /** Answers leave from this address instead of the one asked (a router replying from its loopback). */
  replyFrom?: string;
  /** At most this many values per answer, cut wherever that falls (mid-row included). */
  maxAnswerVarbinds?: number;
  /**
   * Subtrees the agent cannot serve and refuses a whole request over (noSuchName, as SNMPv1
   * agents and some embedded ones do) whenever one of its values starts inside them.
   */
  refuse?: string[];
}

export interface SnmprecAgent {
  /** Replaces the records served from now on (an interface added, a reboot that renumbered). */
  setRecords(records: SnmpRecord[]): void;
  /** The records served now. */
  records(): SnmpRecord[];
  /** Sets one record's value in place, adding it in OID order when new. */
  set(oid: string, type: snmp.ObjectType, value: unknown): void;
  close(): Promise<void>;
}

interface Varbind {
  oid: string;
  type: snmp.ObjectType;
  value: unknown;
}
interface RequestPdu {
  type: number;
  nonRepeaters?: number;
  maxRepetitions?: number;
  varbinds: { oid: string }[];
  getResponsePduForRequest(): { varbinds: Varbind[]; errorStatus?: number; errorIndex?: number };
}
interface AgentInternals {
  getRequest(socket: Socket, message: { pdu: RequestPdu }, rinfo: unknown): void;
  getNextRequest(socket: Socket, message: { pdu: RequestPdu }, rinfo: unknown): void;
  getBulkRequest(socket: Socket, message: { pdu: RequestPdu }, rinfo: unknown): void;
  sendResponse(socket: Socket, rinfo: unknown, message: unknown, pdu: unknown): void;
  listener: { send(message: unknown, rinfo: unknown, socket: Socket): void };
}

export async function startSnmprecAgent(options: SnmprecAgentOptions): Promise<SnmprecAgent> {
  let records = options.records;
  let position = new Map(records.map((record, i) => [record.oid, i]));
  const setRecords = (changed: SnmpRecord[]): void => {
    records = changed;
    position = new Map(records.map((record, i) => [record.oid, i]));
  };
  const created = snmp.createAgent(
    { port: options.port, address: options.address, disableAuthorization: false },
    () => undefined,
  );
  created.getAuthorizer().addCommunity(options.community ?? 'public');
  const agent = created as unknown as AgentInternals;

  const get = (oid: string): Varbind => {
    const at = position.get(oid);
    if (at !== undefined) return records[at]!;
    return { oid, type: ObjectType.NoSuchObject, value: null };
  };
  /** The record after `oid` in the agent's own order: the listed one after it, else the first listed above it. */
  const next = (oid: string): Varbind => {
    const at = position.get(oid);
    const found =
      at !== undefined ? records[at + 1] : records.find((record) => compareOids(record.oid, oid) > 0);
    if (!found) return { oid, type: ObjectType.EndOfMibView, value: null };
    return found.type === ObjectType.EndOfMibView ? { ...found, oid } : found;
  };
  const answer = (socket: Socket, message: { pdu: RequestPdu }, rinfo: unknown, varbinds: Varbind[]) => {
    const response = message.pdu.getResponsePduForRequest();
    const refused = message.pdu.varbinds.findIndex(({ oid }) =>
      (options.refuse ?? []).some((subtree) => oid === subtree || oid.startsWith(`${subtree}.`)),
    );
    if (refused >= 0) {
      response.errorStatus = snmp.ErrorStatus.NoSuchName;
      response.errorIndex = refused + 1;
      response.varbinds = message.pdu.varbinds.map(({ oid }) => ({
        oid,
        type: ObjectType.Null,
        value: null,
      }));
      agent.sendResponse(socket, rinfo, message, response);
      return;
    }
    response.varbinds = varbinds.slice(0, options.maxAnswerVarbinds ?? varbinds.length);
    agent.sendResponse(socket, rinfo, message, response);
  };

  agent.getRequest = (socket, message, rinfo) =>
    answer(
      socket,
      message,
      rinfo,
      message.pdu.varbinds.map(({ oid }) => get(oid)),
    );
  agent.getNextRequest = (socket, message, rinfo) =>
    answer(
      socket,
      message,
      rinfo,
      message.pdu.varbinds.map(({ oid }) => next(oid)),
    );
  agent.getBulkRequest = (socket, message, rinfo) => {
    const { pdu } = message;
    const nonRepeaters = Math.min(pdu.nonRepeaters ?? 0, pdu.varbinds.length);
    const varbinds = pdu.varbinds.slice(0, nonRepeaters).map(({ oid }) => next(oid));
    const cursors = pdu.varbinds.slice(nonRepeaters).map(({ oid }) => oid);
    for (let row = 0; row < (pdu.maxRepetitions ?? 0) && cursors.length > 0; row++) {
      let allEnded = true;
      cursors.forEach((cursor, i) => {
        const found = next(cursor);
        varbinds.push(found);
        if (found.type !== ObjectType.EndOfMibView) allEnded = false;
        cursors[i] = found.oid;
      });
      if (allEnded) break;
    }
    answer(socket, message, rinfo, varbinds);
  };

  let replySocket: Socket | null = null;
  if (options.replyFrom) {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, options.replyFrom, resolve));
    replySocket = socket;
    const send = agent.listener.send.bind(agent.listener);
    agent.listener.send = (message, rinfo) => send(message, rinfo, socket);
  }

  return {
    setRecords,
    records: () => records.slice(),
    set(oid, type, value) {
      const at = position.get(oid);
      if (at !== undefined) {
        records[at] = { oid, type, value };
        return;
      }
      setRecords([...records, { oid, type, value }].sort((a, b) => compareOids(a.oid, b.oid)));
    },
    close: () =>
      new Promise((resolve) => {
        replySocket?.close();
        created.close(() => resolve());
      }),
  };
}
