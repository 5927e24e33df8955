import type * as snmp from 'net-snmp';
import type { WirelessStats } from '../../../shared/contract/snmp';
import { airmaxColumns, mikrotikColumns } from './oids';
import { MAX_VARBINDS_PER_REQUEST } from './columns';
import { readColumns } from './walk';
import { asNumber } from './values';

type Columns = Map<string, snmp.Varbind[]>;

const numbers = (columns: Columns, column: string): number[] =>
  (columns.get(column) ?? []).map(asNumber).filter((value): value is number => value !== null);
const first = (columns: Columns, column: string): number | null => numbers(columns, column)[0] ?? null;
const average = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
const bpsToMbps = (value: number | null): number | null => (value === null ? null : value / 1e6);

/**
 * airOS reports rates in different units across firmware generations (Mbit/s, kbit/s, bit/s);
 * the magnitude tells which, since no radio link runs below 1 Mbit/s or above 10 Gbit/s.
 */
function airosRateMbps(value: number | null): number | null {
  if (value === null) return null;
  if (value >= 1e6) return value / 1e6;
  if (value >= 1e4) return value / 1e3;
  return value;
}

async function readMikrotik(
  session: snmp.Session,
  v1: boolean,
  maxRepetitions: number,
): Promise<WirelessStats | null> {
  const { columns } = await readColumns(session, v1, {
    scalars: [],
    columns: Object.values(mikrotikColumns),
    maxVarbinds: MAX_VARBINDS_PER_REQUEST,
    maxRepetitions,
  });
  const clientSignals = numbers(columns, mikrotikColumns.rtabStrength);
  const stationSignal = first(columns, mikrotikColumns.statStrength);
  const apRows = numbers(columns, mikrotikColumns.apClientCount);
  if (clientSignals.length === 0 && stationSignal === null && apRows.length === 0) return null;

  const txRates = numbers(columns, mikrotikColumns.rtabTxRate);
  const rxRates = numbers(columns, mikrotikColumns.rtabRxRate);
  const snrs = numbers(columns, mikrotikColumns.rtabSignalToNoise);
  const clients = clientSignals.map((signalDbm, i) => ({
    signalDbm,
    snrDb: snrs[i] ?? null,
    txRateMbps: bpsToMbps(txRates[i] ?? null),
    rxRateMbps: bpsToMbps(rxRates[i] ?? null),
  }));
  const ccq = first(columns, mikrotikColumns.apOverallTxCcq);
  return {
    kind: 'mikrotik',
    signalDbm: stationSignal ?? average(clientSignals),
    noiseFloorDbm: first(columns, mikrotikColumns.apNoiseFloor),
    ccqPct: ccq === null ? null : Math.min(100, Math.max(0, ccq)),
    capacityPct: null,
    txRateMbps: bpsToMbps(
      first(columns, mikrotikColumns.statTxRate) ?? first(columns, mikrotikColumns.apTxRate),
    ),
    rxRateMbps: bpsToMbps(
      first(columns, mikrotikColumns.statRxRate) ?? first(columns, mikrotikColumns.apRxRate),
    ),
    clientCount: apRows.length > 0 ? sum(apRows) : clients.length,
    clients,
  };
}

async function readAirmax(
  session: snmp.Session,
  v1: boolean,
  maxRepetitions: number,
): Promise<WirelessStats | null> {
  const { columns } = await readColumns(session, v1, {
    scalars: [],
    columns: Object.values(airmaxColumns),
    maxVarbinds: MAX_VARBINDS_PER_REQUEST,
    maxRepetitions,
  });
  const signal = first(columns, airmaxColumns.signal);
  if (signal === null) return null;
  const ccq = first(columns, airmaxColumns.ccq);
  const capacity = first(columns, airmaxColumns.airmaxCapacity);
  return {
    kind: 'airmax',
    signalDbm: signal,
    noiseFloorDbm: first(columns, airmaxColumns.noiseFloor),
    ccqPct: ccq === null ? null : Math.min(100, Math.max(0, ccq)),
    capacityPct: capacity === null ? null : Math.min(100, Math.max(0, capacity)),
    txRateMbps: airosRateMbps(first(columns, airmaxColumns.txRate)),
    rxRateMbps: airosRateMbps(first(columns, airmaxColumns.rxRate)),
    clientCount: first(columns, airmaxColumns.stationCount) ?? 0,
    clients: [],
  };
}

export const wirelessReaders = {
  mikrotik: readMikrotik,
  'ubiquiti-airmax': readAirmax,
} as const;
