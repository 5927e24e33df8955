import type { InterfaceRollup, WirelessRollup, WirelessStats } from '../../contract/snmp';
import type { InterfaceRates } from './counters';

export const ROLLUP_BUCKET_MS = 5 * 60_000;

export const bucketOf = (at: number): number => at - (at % ROLLUP_BUCKET_MS);

interface Series {
  count: number;
  sum: number;
  max: number;
}

const emptySeries = (): Series => ({ count: 0, sum: 0, max: -Infinity });
const add = (series: Series, value: number | null): void => {
  if (value === null) return;
  series.count++;
  series.sum += value;
  series.max = Math.max(series.max, value);
};
const avg = (series: Series): number | null => (series.count === 0 ? null : series.sum / series.count);
const max = (series: Series): number | null => (series.count === 0 ? null : series.max);

/** Five-minute summaries of one interface's rates, built poll by poll. */
export class InterfaceRollupBuilder {
  private samples = 0;
  private readonly inBps = emptySeries();
  private readonly outBps = emptySeries();
  private readonly errors = emptySeries();
  private readonly discards = emptySeries();
  private readonly utilization = emptySeries();

  constructor(
    readonly deviceId: number,
    readonly ifIndex: number,
    readonly bucket: number,
  ) {}

  add(rates: InterfaceRates): void {
    this.samples++;
    add(this.inBps, rates.inBps);
    add(this.outBps, rates.outBps);
    const sum = (a: number | null, b: number | null) =>
      a === null && b === null ? null : (a ?? 0) + (b ?? 0);
    add(this.errors, sum(rates.inErrorsPerSec, rates.outErrorsPerSec));
    add(this.discards, sum(rates.inDiscardsPerSec, rates.outDiscardsPerSec));
    add(this.utilization, rates.utilizationPct);
  }

  build(): InterfaceRollup {
    return {
      deviceId: this.deviceId,
      ifIndex: this.ifIndex,
      bucket: this.bucket,
      samples: this.samples,
      inBpsAvg: avg(this.inBps),
      inBpsMax: max(this.inBps),
      outBpsAvg: avg(this.outBps),
      outBpsMax: max(this.outBps),
      errorsPerSecAvg: avg(this.errors),
      discardsPerSecAvg: avg(this.discards),
      utilizationMaxPct: max(this.utilization),
    };
  }
}

/** Five-minute summaries of one radio. */
export class WirelessRollupBuilder {
  private samples = 0;
  private readonly signal = emptySeries();
  private signalMin = Infinity;
  private readonly noise = emptySeries();
  private readonly ccq = emptySeries();
  private readonly capacity = emptySeries();
  private clientsMax = 0;

  constructor(
    readonly deviceId: number,
    readonly bucket: number,
  ) {}

  add(stats: WirelessStats): void {
    this.samples++;
    add(this.signal, stats.signalDbm);
    if (stats.signalDbm !== null) this.signalMin = Math.min(this.signalMin, stats.signalDbm);
    add(this.noise, stats.noiseFloorDbm);
    add(this.ccq, stats.ccqPct);
    add(this.capacity, stats.capacityPct);
    this.clientsMax = Math.max(this.clientsMax, stats.clientCount);
  }

  build(): WirelessRollup {
    return {
      deviceId: this.deviceId,
      bucket: this.bucket,
      samples: this.samples,
      signalAvgDbm: avg(this.signal),
      signalMinDbm: this.signalMin === Infinity ? null : this.signalMin,
      noiseFloorDbm: avg(this.noise),
      ccqAvgPct: avg(this.ccq),
      capacityAvgPct: avg(this.capacity),
      clientsMax: this.clientsMax,
    };
  }
}
