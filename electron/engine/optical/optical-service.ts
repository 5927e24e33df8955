import type { z } from 'zod';
import type {
  EndpointHealth,
  OpticalCard,
  OpticalConfig,
  OpticalConfigInput,
  OpticalSite,
  PreviewHit,
  Resolution,
  OpticalRange,
  MeasureHistory,
  ThresholdRule,
  VendorAlarm,
  CardEvent,
  OpticalEndpoint,
} from '../../../shared/contract/optical';
import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import { opticalRangeMs } from '../../../shared/contract/optical';
import {
  SmartApiOptions,
  type OpticalCardRecord,
  type OpticalMeasureRecord,
  type VendorAlarmRecord,
} from '../../../shared/contract/optical-worker';
import {
  endpointAlarm,
  endpointOfRef,
  endpointRef,
  evaluateMeasures,
  mirrorVendorAlarms,
  previewRule,
  type MeasureNow,
  type OpticalAlarm,
} from '../../../shared/domain/optical/alarm-rules';
import { RateWindow } from '../../../shared/domain/optical/rate-window';
import { unitLookup } from '../../../shared/domain/optical/units';
import type { AlarmPort } from '../alarms/port';
import type { GroupDuty } from '../cluster/group-duty';
import { notFound } from '../../../shared/contract/api-failure';
import type { Repository } from '../store/repository';
import type { OpticalSample } from '../store/repo/optical';
import type { SecretCipher } from '../store/secret-cipher';
import { EndpointRunner, type RoundHandlers } from './endpoint-runner';
import {
  applyOpticalInput,
  readOpticalConfig,
  readOpticalSecrets,
  targetOf,
  writeOpticalSettings,
  type OpticalSecrets,
} from './optical-settings';
import { rollUpAndPurge } from './rollup-job';
import type { OpticalTransport } from '../collectors/optical-port';

export interface OpticalServiceOptions {
  repo: Repository;
  cipher: SecretCipher;
  transport: OpticalTransport;
  alarms: AlarmPort;
  log?: (message: string) => void;
  clock?: () => number;
  /** Smart API call settings (tests shorten the timeouts). */
  fetch?: Partial<SmartApiOptions>;
  /** A failed round is tried again after this long (default 15 s). */
  retryMs?: number;
  /**
   * The endpoints of the poller groups led here are read here, and their alarms decided here:
   * on a shared PostgreSQL the leader of an endpoint's group alone reads it (absent: all).
   */
  duty?: Pick<GroupDuty, 'leads' | 'onChange'>;
  /** Rounds on their cadences; tests run them by hand instead. */
  schedule?: boolean;
}

/** What the service keeps of one endpoint between rounds. */
interface EndpointData {
  measures: Map<string, MeasureNow>;
  vendor: VendorAlarmRecord[];
  measureAlarms: OpticalAlarm[];
  vendorAlarms: OpticalAlarm[];
}

const ROLLUP_EVERY_MS = 15 * 60_000;
const siteKey = (endpointId: number, site: string) => `${endpointId}\u0000${site}`;

/**
 * Optical monitoring of Padtec gear through the Smart API: one runner per endpoint reads inventory,
 * measures and vendor alarms through the collector process; measures are stored (raw, hourly,
 * daily) and judged by the rules; the resulting alarms go through the alarm port, which every
 * alarm of Vigia goes through, with the tower the operator mapped the site to.
 */
export class OpticalService {
  private config: OpticalConfig;
  private secrets: OpticalSecrets;
  private readonly runners = new Map<number, EndpointRunner>();
  private readonly data = new Map<number, EndpointData>();
  private readonly siteTowers = new Map<string, number | null>();
  private readonly measureIds = new Map<string, number>();
  private readonly rate: RateWindow;
  private readonly clock: () => number;
  private readonly log: (message: string) => void;
  private unitOf: (key: number, group: string | null) => string;
  private alarmsTail: Promise<unknown> = Promise.resolve();
  private rollupTimer: NodeJS.Timeout | null = null;
  private stopProgress: () => void = () => undefined;
  private stopFollowingDuty: () => void = () => undefined;

  private constructor(
    private readonly options: OpticalServiceOptions,
    config: OpticalConfig,
    secrets: OpticalSecrets,
  ) {
    this.config = config;
    this.secrets = secrets;
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? ((message) => console.log(message));
    this.rate = new RateWindow(config.rules.rate.windowMinutes * 60_000);
    this.unitOf = unitLookup(config.rules.units);
  }

  static async start(options: OpticalServiceOptions): Promise<OpticalService> {
    const log = options.log ?? ((message: string) => console.log(message));
    const service = new OpticalService(
      options,
      await readOpticalConfig(options.repo, log),
      await readOpticalSecrets(options.repo, options.cipher),
    );
    for (const mapping of await options.repo.optical.sites())
      service.siteTowers.set(siteKey(mapping.endpointId, mapping.site), mapping.towerId);
    for (const row of await options.repo.optical.measureIds())
      service.measureIds.set(siteKey(row.endpointId, row.uid), row.id);
    service.stopProgress = options.transport.onProgress((progress) =>
      service.runners
        .get(Number(progress.key))
        ?.progress(
          progress.collection === 'alarm' ? 'alarms' : progress.collection,
          progress.read,
          progress.total,
        ),
    );
    service.startRunners();
    service.stopFollowingDuty = options.duty?.onChange(() => service.restartRunners()) ?? (() => undefined);
    if (options.schedule !== false) {
      service.rollupTimer = setInterval(() => void service.rollUp(), ROLLUP_EVERY_MS);
      service.rollupTimer.unref();
    }
    return service;
  }

  async stop(): Promise<void> {
    if (this.rollupTimer) clearInterval(this.rollupTimer);
    this.stopProgress();
    this.stopFollowingDuty();
    for (const runner of this.runners.values()) runner.stop();
    this.runners.clear();
    await this.alarmsTail;
  }

  // --- configuration ---

  settings(): OpticalConfig {
    return this.config;
  }

  async configure(input: z.output<typeof OpticalConfigInput>, by: string): Promise<OpticalConfig> {
    const next = applyOpticalInput(this.config, this.secrets, input);
    await writeOpticalSettings(this.options.repo, this.options.cipher, next.config, next.secrets);
    await this.options.repo.audit.add({
      at: this.clock(),
      actor: by,
      action: 'optical.config.set',
      target: 'optical',
      details: `${next.config.endpoints.length} endpoints, ${next.config.rules.thresholds.length} rules`,
    });
    this.config = next.config;
    this.secrets = next.secrets;
    this.unitOf = unitLookup(this.config.rules.units);
    this.rate.resize(this.config.rules.rate.windowMinutes * 60_000);
    for (const id of this.data.keys())
      if (!this.config.endpoints.some((endpoint) => endpoint.id === id)) this.data.delete(id);
    this.restartRunners();
    return this.config;
  }

  /** The endpoints or the groups led here changed: each runner starts again, on this instance or not. */
  private restartRunners(): void {
    for (const runner of this.runners.values()) runner.stop();
    this.runners.clear();
    this.startRunners();
    this.reevaluate();
  }

  private readsHere(endpoint: Pick<OpticalEndpoint, 'groupId'>): boolean {
    return this.options.duty?.leads(endpoint.groupId) ?? true;
  }

  /** Whether the alarm belongs to an endpoint read here; a gone endpoint's, to the default group's leader. */
  private decidesAlarm(ref: string | null): boolean {
    const endpoint = this.config.endpoints.find((candidate) => candidate.id === endpointOfRef(ref));
    return this.readsHere(endpoint ?? { groupId: DEFAULT_POLLER_GROUP });
  }

  private startRunners(): void {
    const handlers: RoundHandlers = {
      inventory: (runner, cards, at) => this.onInventory(runner, cards, at),
      measures: (runner, measures, kind, at) => this.onMeasures(runner, measures, kind, at),
      alarms: (runner, alarms) => this.onVendorAlarms(runner, alarms),
      changed: () => this.publishAlarms(),
    };
    for (const endpoint of this.config.endpoints) {
      const runner = new EndpointRunner(
        endpoint,
        targetOf(endpoint, this.secrets),
        this.options.transport,
        handlers,
        {
          fetch: SmartApiOptions.parse(this.options.fetch ?? {}),
          retryMs: this.options.retryMs ?? 15_000,
          clock: this.clock,
          log: this.log,
        },
      );
      this.runners.set(endpoint.id, runner);
      if (this.options.schedule !== false && this.readsHere(endpoint)) runner.start(this.config.cadences);
    }
  }

  /** The poller group of an endpoint, whose leader reads it. */
  groupOf(endpointId: number): number {
    const endpoint = this.config.endpoints.find((candidate) => candidate.id === endpointId);
    if (!endpoint) throw this.unknownEndpoint(endpointId);
    return endpoint.groupId;
  }

  /** Runs one round now (the "collect now" button; tests drive the service with it). */
  async collect(endpointId: number, kind: 'inventory' | 'critical' | 'all' | 'alarms'): Promise<boolean> {
    const runner = this.runners.get(endpointId);
    if (!runner) throw this.unknownEndpoint(endpointId);
    const ok = await runner.round(kind);
    await this.alarmsTail;
    return ok;
  }

  private unknownEndpoint(endpointId: number) {
    return notFound(
      `Conexão óptica ${endpointId} não existe / optical endpoint ${endpointId} does not exist`,
    );
  }

  health(): EndpointHealth[] {
    return [...this.runners.values()].map((runner) => runner.health());
  }

  /** The collector process's figures after an endpoint's last round. */
  collectorStats(endpointId: number) {
    return this.runners.get(endpointId)?.lastStats ?? null;
  }

  // --- rounds ---

  private dataOf(endpointId: number): EndpointData {
    let data = this.data.get(endpointId);
    if (!data) {
      data = { measures: new Map(), vendor: [], measureAlarms: [], vendorAlarms: [] };
      this.data.set(endpointId, data);
    }
    return data;
  }

  private async onInventory(runner: EndpointRunner, cards: OpticalCardRecord[], at: number): Promise<void> {
    const events = await this.options.repo.optical.applyInventory(runner.id, cards, at);
    if (events.length > 0) this.log(`optical: ${runner.endpoint.name}: ${events.length} inventory changes`);
  }

  private async onMeasures(
    runner: EndpointRunner,
    records: OpticalMeasureRecord[],
    kind: 'critical' | 'all',
    at: number,
  ): Promise<void> {
    const data = this.dataOf(runner.id);
    const critical = new Set(this.config.rules.criticalKeys);
    const latest = new Map<string, MeasureNow>();
    const toStore: OpticalMeasureRecord[] = [];
    for (const record of records) {
      const measure: MeasureNow = {
        uid: record.uid,
        cardUid: record.cardUid,
        site: record.site,
        cardModel: record.cardModel,
        key: record.key,
        name: record.name,
        group: record.group,
        unit: this.unitOf(record.key, record.group),
        value: record.value,
        at: record.at,
        collectedAt: at,
        cardIsUp: record.cardIsUp,
      };
      latest.set(record.uid, measure);
      this.rate.record(siteKey(runner.id, record.uid), record.at ?? at, record.value);
      if (kind === 'all' || critical.has(record.key)) toStore.push(record);
    }
    data.measures = latest;
    this.evaluate(runner.id);
    await this.storeSamples(runner.id, toStore, at);
  }

  private async storeSamples(endpointId: number, records: OpticalMeasureRecord[], at: number): Promise<void> {
    const unknown = records.filter((record) => !this.measureIds.has(siteKey(endpointId, record.uid)));
    if (unknown.length > 0) {
      const rows = await this.options.repo.optical.registerMeasures(
        unknown.map((record) => ({ endpointId, uid: record.uid, cardUid: record.cardUid, key: record.key })),
      );
      for (const row of rows) this.measureIds.set(siteKey(row.endpointId, row.uid), row.id);
    }
    const samples: OpticalSample[] = [];
    for (const record of records) {
      const measureId = this.measureIds.get(siteKey(endpointId, record.uid));
      if (measureId !== undefined) samples.push({ measureId, at: record.at ?? at, value: record.value });
    }
    await this.options.repo.optical.insertSamples(samples);
  }

  private async onVendorAlarms(runner: EndpointRunner, records: VendorAlarmRecord[]): Promise<void> {
    const data = this.dataOf(runner.id);
    data.vendor = records.filter((record) => record.isActive);
    data.vendorAlarms = mirrorVendorAlarms(runner.id, records, (site) => this.towerOf(runner.id, site));
  }

  private towerOf(endpointId: number, site: string): number | null {
    return this.siteTowers.get(siteKey(endpointId, site)) ?? null;
  }

  /** Judges an endpoint's latest measures; the previous verdicts feed the hysteresis. The round's end publishes them. */
  private evaluate(endpointId: number): void {
    const data = this.dataOf(endpointId);
    const open = new Set(data.measureAlarms.map((alarm) => alarm.subject.ref));
    const now = this.clock();
    data.measureAlarms = evaluateMeasures([...data.measures.values()], {
      endpointId,
      rules: this.config.rules,
      now,
      wasOpen: (ref) => open.has(ref),
      windowMax: (uid) => this.rate.maxAt(siteKey(endpointId, uid), now),
      towerOf: (site) => this.towerOf(endpointId, site),
    });
  }

  private reevaluate(): void {
    for (const [endpointId, data] of this.data) {
      data.vendorAlarms = mirrorVendorAlarms(endpointId, data.vendor, (site) =>
        this.towerOf(endpointId, site),
      );
      this.evaluate(endpointId);
    }
    this.publishAlarms();
  }

  /** The whole optical picture goes to the port in one reconcile, one call after another. */
  private publishAlarms(): void {
    const desired: OpticalAlarm[] = [];
    for (const [endpointId, data] of this.data)
      if (this.decidesAlarm(endpointRef(endpointId)))
        desired.push(...data.measureAlarms, ...data.vendorAlarms);
    for (const runner of this.runners.values()) {
      if (!this.readsHere(runner.endpoint)) continue;
      const health = runner.health();
      const alarm = endpointAlarm(
        runner.id,
        runner.endpoint.name,
        health.lastError?.code ?? '',
        health.consecutiveFailures,
      );
      if (alarm) desired.push(alarm);
    }
    const at = this.clock();
    this.alarmsTail = this.alarmsTail
      .then(() =>
        this.options.alarms.reconcile('optical', desired, at, {
          scope: (alarm) => this.decidesAlarm(alarm.ref),
        }),
      )
      .catch((error: unknown) =>
        this.log(`optical: alarms could not be updated: ${(error as Error).message}`),
      );
  }

  async rollUp(): Promise<void> {
    try {
      await rollUpAndPurge(this.options.repo.optical, this.clock());
    } catch (error) {
      this.log(`optical: roll-up failed: ${(error as Error).message}`);
    }
  }

  // --- what the UI reads ---

  private alarmTypesByMeasure(endpointId: number): Map<string, string[]> {
    const types = new Map<string, string[]>();
    const prefix = `optical:${endpointId}:measure:`;
    for (const alarm of this.data.get(endpointId)?.measureAlarms ?? []) {
      if (!alarm.subject.ref.startsWith(prefix)) continue;
      const uid = alarm.subject.ref.slice(prefix.length, alarm.subject.ref.lastIndexOf(':'));
      types.set(uid, [...(types.get(uid) ?? []), alarm.type]);
    }
    return types;
  }

  async sites(): Promise<OpticalSite[]> {
    const sites = new Map<string, OpticalSite>();
    const known = new Set(this.config.endpoints.map((endpoint) => endpoint.id));
    for (const card of await this.options.repo.optical.cards()) {
      if (card.removedAt !== null || !known.has(card.endpointId)) continue;
      const key = siteKey(card.endpointId, card.site);
      const site = sites.get(key) ?? {
        endpointId: card.endpointId,
        site: card.site,
        towerId: this.towerOf(card.endpointId, card.site),
        cards: 0,
        cardsDown: 0,
        openAlarms: 0,
      };
      site.cards++;
      sites.set(key, site);
    }
    for (const [endpointId, data] of this.data) {
      for (const alarm of [...data.measureAlarms, ...data.vendorAlarms]) {
        const site = sites.get(siteKey(endpointId, String(alarm.params.site)));
        if (!site) continue;
        site.openAlarms++;
        if (alarm.type === 'card_down') site.cardsDown++;
      }
    }
    return [...sites.values()].sort((a, b) => a.endpointId - b.endpointId || a.site.localeCompare(b.site));
  }

  async mapSite(endpointId: number, site: string, towerId: number | null, by: string): Promise<void> {
    if (towerId !== null && !(await this.options.repo.towers.get(towerId)))
      throw notFound(`Torre ${towerId} não existe / tower ${towerId} does not exist`);
    await this.options.repo.optical.mapSite({ endpointId, site, towerId });
    await this.options.repo.audit.add({
      at: this.clock(),
      actor: by,
      action: 'optical.site.map',
      target: `${endpointId}:${site}`,
      details: towerId === null ? 'no tower' : `tower ${towerId}`,
    });
    this.siteTowers.set(siteKey(endpointId, site), towerId);
    this.reevaluate();
    await this.alarmsTail;
  }

  async cards(endpointId: number, site: string): Promise<OpticalCard[]> {
    const measures = this.data.get(endpointId)?.measures ?? new Map<string, MeasureNow>();
    const alarmTypes = this.alarmTypesByMeasure(endpointId);
    const byCard = new Map<string, MeasureNow[]>();
    for (const measure of measures.values())
      if (measure.site === site)
        byCard.set(measure.cardUid, [...(byCard.get(measure.cardUid) ?? []), measure]);
    return (await this.options.repo.optical.cards())
      .filter((card) => card.endpointId === endpointId && card.site === site)
      .sort(
        (a, b) =>
          Number(a.removedAt !== null) - Number(b.removedAt !== null) || a.cardUid.localeCompare(b.cardUid),
      )
      .map((card) => {
        const own = byCard.get(card.cardUid) ?? [];
        return {
          endpointId: card.endpointId,
          cardUid: card.cardUid,
          site: card.site,
          name: card.name,
          model: card.model,
          family: card.family,
          part: card.part,
          serial: card.serial,
          firmware: card.firmware,
          isActive: card.isActive,
          isUp: own.length === 0 ? null : own.every((measure) => measure.cardIsUp !== false),
          firstSeenAt: card.firstSeenAt,
          removedAt: card.removedAt,
          measures: own
            .sort((a, b) => a.key - b.key || a.uid.localeCompare(b.uid))
            .map((measure) => ({
              uid: measure.uid,
              key: measure.key,
              name: measure.name,
              group: measure.group,
              unit: measure.unit,
              value: measure.value,
              at: measure.at,
              collectedAt: measure.collectedAt,
              alarms: alarmTypes.get(measure.uid) ?? [],
            })),
        };
      });
  }

  cardEvents(limit: number): Promise<CardEvent[]> {
    return this.options.repo.optical.cardEvents(limit);
  }

  vendorAlarms(): VendorAlarm[] {
    return [...this.data].flatMap(([endpointId, data]) =>
      data.vendor.map((record) => ({
        endpointId,
        site: record.site,
        cardUid: record.cardUid,
        cardModel: record.cardModel,
        oid: record.oid,
        name: record.name,
        group: record.group,
        resource: record.resource,
        severity: record.severity,
        startAt: record.startAt,
      })),
    );
  }

  async history(
    endpointId: number,
    uid: string,
    resolution: Resolution,
    range: OpticalRange,
  ): Promise<MeasureHistory> {
    const measureId = this.measureIds.get(siteKey(endpointId, uid));
    const latest = this.data.get(endpointId)?.measures.get(uid);
    if (measureId === undefined && !latest)
      throw notFound(`Medida ${uid} não encontrada / measure ${uid} not found`);
    const points =
      measureId === undefined
        ? []
        : await this.options.repo.optical.history(
            measureId,
            resolution,
            this.clock() - opticalRangeMs[range],
          );
    const rules: ThresholdRule[] = latest
      ? this.config.rules.thresholds.filter(
          (rule) => rule.measureKey === latest.key && rule.cardModel === latest.cardModel,
        )
      : [];
    return { unit: latest?.unit ?? '', points, rules };
  }

  preview(rule: ThresholdRule): PreviewHit[] {
    return [...this.data].flatMap(([endpointId, data]) =>
      previewRule(rule, data.measures.values()).map((measure) => ({
        endpointId,
        site: measure.site,
        cardUid: measure.cardUid,
        measureUid: measure.uid,
        value: measure.value,
        unit: measure.unit,
      })),
    );
  }
}
