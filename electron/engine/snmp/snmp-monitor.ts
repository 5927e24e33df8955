import type { AlarmParams, Severity } from '../../../shared/contract/entities';
import {
  SnmpCredentials,
  SnmpOptions,
  type InterfaceNow,
  type SnmpDataKind,
  type SnmpPollResult,
  type SnmpTarget,
} from '../../../shared/contract/snmp';
import { computeRates, type CounterSnapshot } from '../../../shared/domain/snmp/counters';
import { renumbering } from '../../../shared/domain/snmp/renumbering';
import type { LinkTrap } from '../../../shared/domain/snmp/trap-meaning';
import { InterfaceRollupBuilder, WirelessRollupBuilder, bucketOf } from '../../../shared/domain/snmp/rollup';
import {
  SNMP_THRESHOLDS_KEY,
  evaluateThreshold,
  initialThresholdState,
  thresholdsForDevice,
  type SnmpMetric,
  type SnmpThresholdOverrides,
  type SnmpThresholds,
  type ThresholdState,
} from '../../../shared/domain/snmp/thresholds';
import type { AlarmIdentity, AlarmPort, DesiredAlarm } from '../alarms/port';
import type { SnmpPollTransport } from '../collectors/snmp-port';
import type { Inventory } from '../inventory/inventory';
import type { Repository, StoredSnmpConfig } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';

/** What the SNMP monitor reads of the engine's inventory, and tells it. */
export type SnmpInventory = Pick<
  Inventory,
  'device' | 'isSuppressed' | 'noteWirelessClients' | 'pollsDevice'
>;

export interface SnmpMonitorOptions {
  repo: Repository;
  transport: SnmpPollTransport;
  alarms: AlarmPort;
  cipher: SecretCipher;
  /** Where devices are looked up and maintenance is read; told each radio's wireless clients. */
  inventory: SnmpInventory;
  clock?: () => number;
  tickMs?: number;
  options?: Partial<SnmpOptions>;
  /** How long five-minute rollups are kept; read at every sweep (default a year, like ping rollups). */
  rollupRetentionMs?: () => number;
}

interface DeviceTrack {
  previous: CounterSnapshot | null;
  speeds: Map<number, number>;
  interfaces: Map<number, InterfaceNow>;
  thresholds: Map<string, ThresholdState>;
  upBefore: Map<number, boolean>;
  builders: Map<number, InterfaceRollupBuilder>;
  wireless: WirelessRollupBuilder | null;
  /** What the agent did not provide at the last poll. */
  missing: SnmpDataKind[];
}

/** The retention sweep runs apart from the rounds. */
const DEFAULT_ROLLUP_RETENTION_MS = 365 * 86_400_000;
const RETENTION_EVERY_MS = 6 * 3_600_000;

const newTrack = (): DeviceTrack => ({
  previous: null,
  speeds: new Map(),
  interfaces: new Map(),
  thresholds: new Map(),
  upBefore: new Map(),
  builders: new Map(),
  wireless: null,
  missing: [],
});

const metricAlarm: Record<SnmpMetric, { type: string; severity: Severity }> = {
  utilizationPct: { type: 'if_utilization', severity: 'warning' },
  errorsPerSec: { type: 'if_errors', severity: 'minor' },
  signalDbm: { type: 'signal_low', severity: 'warning' },
};

/** The subject of an interface's alarms, beside its device. */
const interfaceRef = (index: number) => `if:${index}`;
const INTERFACE_REF = /^if:(\d+)$/;
const indexOfRef = (ref: string | null): number | null => {
  const match = ref ? INTERFACE_REF.exec(ref) : null;
  return match ? Number(match[1]) : null;
};

/** Re-keys per-interface state: moved entries follow their interface, removed ones go. */
function remapIndexes<K, V>(
  states: Map<K, V>,
  indexOf: (key: K) => number | null,
  rekey: (key: K, index: number) => K,
  moved: ReadonlyMap<number, number>,
  removed: readonly number[],
): void {
  const additions: [K, V][] = [];
  for (const [key, value] of [...states]) {
    const index = indexOf(key);
    if (index === null) continue;
    const to = moved.get(index);
    if (to !== undefined || removed.includes(index)) states.delete(key);
    if (to !== undefined) additions.push([rekey(key, to), value]);
  }
  for (const [key, value] of additions) states.set(key, value);
}
const RADIO_REF = 'radio';

/**
 * Runs SNMP rounds over every configured device at its own interval: rates from counters,
 * thresholds with hysteresis into alarms (interface down, utilisation, errors, weak signal),
 * five-minute rollups into the store, and the latest interface state for the UI.
 */
export class SnmpMonitor {
  private readonly tracks = new Map<number, DeviceTrack>();
  private configs: StoredSnmpConfig[] = [];
  private readonly nextDue = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private readonly clock: () => number;
  private options: SnmpOptions;

  constructor(private readonly deps: SnmpMonitorOptions) {
    this.clock = deps.clock ?? Date.now;
    this.options = SnmpOptions.parse(deps.options ?? {});
  }

  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.tick(), this.deps.tickMs ?? 5_000);
    const sweep = () =>
      void this.deps.repo.snmp
        .deleteRollupsBefore(this.clock() - (this.deps.rollupRetentionMs?.() ?? DEFAULT_ROLLUP_RETENTION_MS))
        .catch((error: unknown) => console.error('SNMP retention failed', error));
    sweep();
    this.retentionTimer = setInterval(sweep, RETENTION_EVERY_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.timer = null;
    this.retentionTimer = null;
    await this.round;
    await this.flushRollups(Infinity);
  }

  /** Poller options changed in Settings: the next round polls with them. */
  setOptions(options: Partial<SnmpOptions>): void {
    this.options = SnmpOptions.parse(options);
  }

  async reload(): Promise<void> {
    this.configs = (await this.deps.repo.snmp.configs()).filter(
      (config) => config.enabled && this.deps.inventory.pollsDevice(config.deviceId),
    );
    const configured = new Set(this.configs.map((config) => config.deviceId));
    for (const id of this.tracks.keys()) if (!configured.has(id)) this.tracks.delete(id);
  }

  /** The latest state of every polled interface. */
  interfaces(deviceId?: number): InterfaceNow[] {
    const tracks =
      deviceId === undefined ? [...this.tracks.values()] : [this.tracks.get(deviceId) ?? newTrack()];
    return tracks.flatMap((track) => [...track.interfaces.values()]);
  }

  /** The data this device's agent did not provide at its last poll. */
  missing(deviceId: number): SnmpDataKind[] {
    return this.tracks.get(deviceId)?.missing ?? [];
  }

  topInterfaces(limit: number): InterfaceNow[] {
    return this.interfaces()
      .filter((row) => row.utilizationPct !== null)
      .sort((a, b) => b.utilizationPct! - a.utilizationPct!)
      .slice(0, limit);
  }

  /**
   * linkDown/linkUp traps, in arrival order: each interface's alarm changes at once (the last
   * trap about it wins), all in one alarm write, and each device is polled at the next tick to
   * confirm (a poll that finds a trap wrong corrects the alarm).
   */
  async onLinkTraps(traps: readonly LinkTrap[]): Promise<void> {
    const now = this.clock();
    const last = new Map<string, LinkTrap>();
    for (const trap of traps) last.set(`${trap.deviceId}:${trap.ifIndex}`, trap);
    const batch: { raise: DesiredAlarm[]; clear: AlarmIdentity[] } = { raise: [], clear: [] };
    for (const { deviceId, ifIndex: index, up, name } of last.values()) {
      const track = this.tracks.get(deviceId) ?? newTrack();
      this.tracks.set(deviceId, track);
      track.upBefore.set(index, up);
      const subject = { deviceId, towerId: null, ref: interfaceRef(index) };
      if (up) batch.clear.push({ source: 'snmp', type: 'if_down', subject });
      else if (!this.deps.inventory.isSuppressed(deviceId, now)) {
        const label = track.interfaces.get(index)?.name ?? name ?? `ifIndex ${index}`;
        batch.raise.push({
          source: 'snmp',
          type: 'if_down',
          subject,
          severity: 'major',
          params: { interface: label },
        });
      }
    }
    await this.deps.alarms.applyMany(batch, now);
    for (const { deviceId } of last.values()) this.pollSoon(deviceId);
  }

  /** The device is polled at the next tick, whatever its interval. */
  pollSoon(deviceId: number): void {
    this.nextDue.set(deviceId, 0);
  }

  /** Polls every device that is due; a round still running is not started twice. */
  async tick(): Promise<void> {
    if (this.round) return;
    const now = this.clock();
    const due = this.configs.filter((config) => (this.nextDue.get(config.deviceId) ?? 0) <= now);
    if (due.length === 0) return;
    for (const config of due) this.nextDue.set(config.deviceId, now + config.intervalS * 1000);
    this.round = this.poll(due).finally(() => (this.round = null));
    await this.round;
  }

  private async poll(configs: StoredSnmpConfig[]): Promise<void> {
    const targets: SnmpTarget[] = [];
    const outcomes: { deviceId: number; at: number; error: string | null }[] = [];
    for (const config of configs) {
      try {
        const credentials = SnmpCredentials.parse(
          JSON.parse(await this.deps.cipher.decrypt(config.sealedCredentials)),
        );
        const device = this.deps.inventory.device(config.deviceId);
        if (device) targets.push({ id: config.deviceId, host: device.host, port: config.port, credentials });
      } catch (error) {
        outcomes.push({
          deviceId: config.deviceId,
          at: this.clock(),
          error: `SNMP settings unusable: ${(error as Error).message}`,
        });
      }
    }
    const results = targets.length > 0 ? await this.deps.transport.poll(targets, this.options) : [];
    // Operators edit overrides per tower and device in settings; each round reads them afresh.
    const overrides = ((await this.deps.repo.settings.get(SNMP_THRESHOLDS_KEY)) ??
      null) as SnmpThresholdOverrides | null;
    // Buckets that ended before this round are complete: store them before the round adds more.
    await this.flushRollups(bucketOf(this.clock()));
    for (const result of results) {
      outcomes.push({ deviceId: result.id, at: result.at, error: result.error });
      if (!result.error)
        await this.absorb(
          result,
          thresholdsForDevice(overrides, result.id, this.deps.inventory.device(result.id)?.towerId ?? null),
        );
    }
    await this.deps.repo.snmp.setPollOutcomes(outcomes);
  }

  private async absorb(result: SnmpPollResult, thresholds: SnmpThresholds): Promise<void> {
    const track = this.tracks.get(result.id) ?? newTrack();
    this.tracks.set(result.id, track);
    track.missing = result.missing;
    if (result.discovered) await this.followRenumbering(result, track);
    for (const row of result.interfaces) track.speeds.set(row.index, row.speedMbps);
    const current: CounterSnapshot = { at: result.at, uptimeCs: result.uptimeCs, counters: result.counters };
    const outcome = track.previous ? computeRates(track.previous, current, track.speeds) : null;
    track.previous = current;
    const rates = new Map(outcome?.kind === 'rates' ? outcome.rates.map((rate) => [rate.index, rate]) : []);
    const bucket = bucketOf(result.at);

    for (const info of result.interfaces) {
      const rate = rates.get(info.index);
      const errors =
        rate && (rate.inErrorsPerSec !== null || rate.outErrorsPerSec !== null)
          ? (rate.inErrorsPerSec ?? 0) + (rate.outErrorsPerSec ?? 0)
          : null;
      track.interfaces.set(info.index, {
        deviceId: result.id,
        index: info.index,
        name: info.name,
        alias: info.alias,
        speedMbps: info.speedMbps,
        operUp: info.operUp,
        inBps: rate?.inBps ?? null,
        outBps: rate?.outBps ?? null,
        utilizationPct: rate?.utilizationPct ?? null,
        errorsPerSec: errors,
        at: result.at,
      });
      await this.interfaceState(result.id, info.index, info.name, info.operUp, track);
      if (rate) {
        const subject = { ref: interfaceRef(info.index), params: { interface: info.name } };
        await this.threshold(result.id, subject, 'utilizationPct', thresholds, rate.utilizationPct, track);
        await this.threshold(result.id, subject, 'errorsPerSec', thresholds, errors, track);
        let builder = track.builders.get(info.index);
        if (!builder)
          track.builders.set(
            info.index,
            (builder = new InterfaceRollupBuilder(result.id, info.index, bucket)),
          );
        builder.add(rate);
      }
    }
    if (result.wireless) {
      this.deps.inventory.noteWirelessClients(result.id, result.wireless.clientCount);
      await this.threshold(
        result.id,
        { ref: RADIO_REF, params: {} },
        'signalDbm',
        thresholds,
        result.wireless.signalDbm,
        track,
      );
      track.wireless ??= new WirelessRollupBuilder(result.id, bucket);
      track.wireless.add(result.wireless);
    }
  }

  /**
   * After a rediscovery, an interface found by name at another ifIndex (a reboot renumbered it)
   * keeps its state, its last counters and its open alarms; one that is gone has its alarms cleared.
   */
  private async followRenumbering(result: SnmpPollResult, track: DeviceTrack): Promise<void> {
    const { moved, removed } = renumbering(
      new Map([...track.interfaces.values()].map((row) => [row.index, row.name])),
      new Map(result.interfaces.map((row) => [row.index, row.name])),
    );
    if (moved.size === 0 && removed.length === 0) return;
    const byIndex = (index: number) => index;
    const sameKey = (_key: number, index: number) => index;
    remapIndexes(track.upBefore, byIndex, sameKey, moved, removed);
    remapIndexes(track.interfaces, byIndex, sameKey, moved, removed);
    remapIndexes(
      track.thresholds,
      (key) => indexOfRef(key.slice(key.indexOf(':') + 1)),
      (key, index) => `${key.slice(0, key.indexOf(':'))}:${interfaceRef(index)}`,
      moved,
      removed,
    );
    if (track.previous) {
      const counters = new Map(track.previous.counters.map((row) => [row.index, row]));
      remapIndexes(counters, byIndex, sameKey, moved, removed);
      track.previous = {
        ...track.previous,
        counters: [...counters].map(([index, row]) => ({ ...row, index })),
      };
    }
    const open = this.deps.alarms
      .openAlarms('snmp')
      .filter((alarm) => alarm.deviceId === result.id && indexOfRef(alarm.ref) !== null);
    const toRaise = [];
    for (const alarm of open) {
      const index = indexOfRef(alarm.ref)!;
      const to = moved.get(index);
      if (to === undefined && !removed.includes(index)) continue;
      await this.clear(result.id, alarm.type, alarm.ref!);
      if (to !== undefined) toRaise.push({ alarm, ref: interfaceRef(to) });
    }
    // Cleared first, raised after: two interfaces that swapped indexes must not clear each other's.
    for (const { alarm, ref } of toRaise)
      await this.raise(result.id, alarm.type, ref, alarm.severity, alarm.params);
  }

  /** An interface that was up and went down is an alarm; one that was never up is not. */
  private async interfaceState(
    deviceId: number,
    index: number,
    name: string,
    up: boolean,
    track: DeviceTrack,
  ): Promise<void> {
    const before = track.upBefore.get(index);
    track.upBefore.set(index, up);
    const ref = interfaceRef(index);
    if (before === true && !up) {
      await this.raise(deviceId, 'if_down', ref, 'major', { interface: name });
    } else if (up && before === false) {
      await this.clear(deviceId, 'if_down', ref);
    }
  }

  private async threshold(
    deviceId: number,
    subject: { ref: string; params: AlarmParams },
    metric: SnmpMetric,
    thresholds: SnmpThresholds,
    value: number | null,
    track: DeviceTrack,
  ): Promise<void> {
    const key = `${metric}:${subject.ref}`;
    const step = evaluateThreshold(
      thresholds[metric],
      track.thresholds.get(key) ?? initialThresholdState,
      value,
    );
    track.thresholds.set(key, step.state);
    const { type, severity } = metricAlarm[metric];
    if (step.transition === 'raise') {
      await this.raise(deviceId, type, subject.ref, severity, {
        ...subject.params,
        value: value === null ? null : Math.round(value * 10) / 10,
        limit: thresholds[metric].raiseAt,
      });
    } else if (step.transition === 'clear') {
      await this.clear(deviceId, type, subject.ref);
    }
  }

  private async raise(
    deviceId: number,
    type: string,
    ref: string,
    severity: Severity,
    params: AlarmParams,
  ): Promise<void> {
    if (this.deps.inventory.isSuppressed(deviceId, this.clock())) return;
    await this.deps.alarms.raise(
      { source: 'snmp', type, subject: { deviceId, towerId: null, ref }, severity, params },
      this.clock(),
    );
  }

  private async clear(deviceId: number, type: string, ref: string): Promise<void> {
    await this.deps.alarms.clear(
      { source: 'snmp', type, subject: { deviceId, towerId: null, ref } },
      this.clock(),
    );
  }

  /** Writes every rollup whose bucket started before `before` (all of them with Infinity). */
  private async flushRollups(before: number): Promise<void> {
    const interfaces = [];
    const wireless = [];
    for (const track of this.tracks.values()) {
      for (const [index, builder] of track.builders) {
        if (builder.bucket < before) {
          interfaces.push(builder.build());
          if (before !== Infinity) track.builders.delete(index);
        }
      }
      if (track.wireless && track.wireless.bucket < before) {
        wireless.push(track.wireless.build());
        if (before !== Infinity) track.wireless = null;
      }
    }
    if (interfaces.length > 0) await this.deps.repo.snmp.upsertInterfaceRollups(interfaces);
    if (wireless.length > 0) await this.deps.repo.snmp.upsertWirelessRollups(wireless);
  }
}
