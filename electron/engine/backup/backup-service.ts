import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { BackupSettings, type BackupRunProgress } from '../../../shared/contract/backup';
import type { BackupOutcome } from '../../../shared/contract/backup-worker';
import { planBackupAlarms } from '../../../shared/domain/backup/alarms';
import { neverStarted, unreachedOutcome } from '../../../shared/domain/backup/outcome';
import type { AlarmPort } from '../alarms/port';
import type { BackupTransport } from '../collectors/backup-port';
import type { BackupRunRecord, StoredBackupTarget } from '../store/repo/backup';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import { lineChanges } from './config-diff';
import { jobFor, jumpOf, jumpWithKeys, type StoredJump } from './target-secrets';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const BACKUP_SETTINGS_KEY = 'backup.settings';

/** Where each new version also goes (the local git repository), when the operator wants it. */
export interface VersionExport {
  write(device: { id: number; name: string }, config: string, at: number): Promise<void>;
}

export interface BackupServiceDeps {
  repo: Repository;
  cipher: SecretCipher;
  alarms: AlarmPort;
  transport: BackupTransport;
  /** Built from the settings when git export is on. */
  exportTo?: (dir: string) => VersionExport;
  /**
   * Whether this instance backs the device up: on a shared PostgreSQL the leader of its poller
   * group alone does (absent: one instance alone, backing up every device).
   */
  handles?(deviceId: number): boolean;
  now?: () => number;
  log?: (message: string) => void;
}

export const unzipConfig = async (content: Buffer): Promise<string> =>
  (await gunzipAsync(content)).toString('utf8');

/**
 * Runs backups: one run at a time across the devices asked for, at most `parallelism` devices at
 * once, each device's job in the worker process. A job's outcome is stored as it arrives: a new
 * version only when the configuration changed, its alarms raised or cleared. A run can be
 * cancelled; what finished stays.
 */
export class BackupService {
  private run: (BackupRunProgress & { queue: number[] }) | null = null;
  private readonly active = new Set<number>();
  private nextRunId = 1;
  private idle: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private exporter: { dir: string; target: VersionExport } | null = null;

  constructor(private readonly deps: BackupServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? (() => undefined);
  }

  async settings(): Promise<BackupSettings> {
    return BackupSettings.parse((await this.deps.repo.settings.get(BACKUP_SETTINGS_KEY)) ?? {});
  }

  progress(): BackupRunProgress | null {
    if (!this.run) return null;
    const { queue: _queue, ...progress } = this.run;
    return progress;
  }

  isRunning(deviceId: number): boolean {
    return this.active.has(deviceId);
  }

  /**
   * Backs these devices up (every enabled target when null) in the background and returns the
   * progress at once. Asked during a run, the devices not yet in it join it. Devices whose poller
   * group another instance leads are left to that instance.
   */
  async start(deviceIds: number[] | null): Promise<BackupRunProgress> {
    const handles = this.deps.handles ?? (() => true);
    const targets = (await this.deps.repo.backup.targets()).filter((target) => handles(target.deviceId));
    const wanted = deviceIds
      ? targets.filter((target) => deviceIds.includes(target.deviceId)).map((target) => target.deviceId)
      : targets.filter((target) => target.enabled).map((target) => target.deviceId);
    if (this.run && this.run.finishedAt === null) {
      const queued = new Set(this.run.queue);
      const fresh = wanted.filter((id) => !queued.has(id) && !this.active.has(id));
      this.run.queue.push(...fresh);
      this.run.total += fresh.length;
      return this.progress()!;
    }
    this.run = {
      runId: this.nextRunId++,
      startedAt: this.now(),
      finishedAt: null,
      total: wanted.length,
      done: 0,
      failed: 0,
      changed: 0,
      cancelled: false,
      queue: [...wanted],
    };
    this.idle = this.drive(this.run);
    return this.progress()!;
  }

  /** Stops the run: nothing new starts, and the jobs in flight are aborted in the worker. */
  async cancel(): Promise<BackupRunProgress | null> {
    const run = this.run;
    if (!run || run.finishedAt !== null) return this.progress();
    run.cancelled = true;
    run.queue.length = 0;
    await this.deps.transport.cancel([...this.active]);
    return this.progress();
  }

  /** Resolves when the current run has finished. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private async drive(run: BackupRunProgress & { queue: number[] }): Promise<void> {
    const settings = await this.settings();
    const lanes = Math.max(1, settings.parallelism);
    const slots = Array.from({ length: this.deps.transport.handOver(lanes) }, async () => {
      // A slot hands its next device over as soon as the transport has answered, while the outcome
      // before is stored: each slot holds at most one outcome waiting for the store.
      let storing: Promise<void> = Promise.resolve();
      for (let deviceId = run.queue.shift(); deviceId !== undefined; deviceId = run.queue.shift()) {
        this.active.add(deviceId);
        const captured = this.capture(run, deviceId, settings, lanes);
        await captured.catch(() => undefined);
        await storing;
        storing = this.settle(
          run,
          deviceId,
          captured.then((device) => {
            if (!device) return 'failed';
            if (neverStarted(device.outcome)) return 'not-started';
            return this.store(device.target, device.device, device.outcome, settings);
          }),
        );
      }
      await storing;
    });
    await Promise.all(slots);
    run.finishedAt = this.now();
  }

  /** Counts a device's result in its run once stored (a job cancelled before it started has none). */
  private async settle(
    run: BackupRunProgress,
    deviceId: number,
    result: Promise<'changed' | 'same' | 'failed' | 'not-started'>,
  ): Promise<void> {
    try {
      const stored = await result;
      if (stored === 'not-started') return;
      run.done++;
      if (stored === 'failed') run.failed++;
      if (stored === 'changed') run.changed++;
    } catch (error) {
      run.done++;
      run.failed++;
      this.log(`backup of device ${deviceId}: ${(error as Error).message}`);
    } finally {
      this.active.delete(deviceId);
    }
  }

  /**
   * One device's job in the worker (or refused before it, for lack of a usable secret; or not
   * handed over, when the run was cancelled while it was made).
   */
  private async capture(
    run: BackupRunProgress,
    deviceId: number,
    settings: BackupSettings,
    lanes: number,
  ): Promise<{
    target: StoredBackupTarget;
    device: { id: number; name: string };
    outcome: BackupOutcome;
  } | null> {
    const { repo } = this.deps;
    const [target, device] = await Promise.all([repo.backup.target(deviceId), repo.devices.get(deviceId)]);
    if (!target || !device) return null;
    const job = await jobFor(target, device.host, settings, this.deps.cipher);
    let outcome: BackupOutcome;
    if ('code' in job) outcome = unreachedOutcome(deviceId, this.now(), job, 1);
    else if (run.cancelled)
      outcome = unreachedOutcome(deviceId, this.now(), { code: 'cancelled', detail: '' }, 0);
    else outcome = await this.deps.transport.run(job, lanes);
    return { target, device: { id: device.id, name: device.name }, outcome };
  }

  private async store(
    target: StoredBackupTarget,
    device: { id: number; name: string },
    outcome: BackupOutcome,
    settings: BackupSettings,
  ): Promise<'changed' | 'same' | 'failed'> {
    const { repo, alarms } = this.deps;
    const at = outcome.startedAt + outcome.durationMs;
    const record: BackupRunRecord = {
      deviceId: device.id,
      at,
      ok: outcome.failure === null,
      failureCode: outcome.failure?.code ?? null,
      failureDetail: outcome.failure?.detail ?? null,
      durationMs: outcome.durationMs,
      weakCrypto: outcome.crypto && outcome.crypto.weak.length > 0 ? outcome.crypto.weak.join(',') : null,
    };
    let offered = target.offeredHostKey;
    if (outcome.failure?.code === 'host_key_changed' && outcome.hostKey) {
      offered = record.offeredHostKey = outcome.hostKey;
    } else if (outcome.failure === null) {
      // Trusted on first use; a success with the trusted key means no key is waiting any more.
      if (target.knownHostKey === null) record.knownHostKey = outcome.hostKey;
      offered = record.offeredHostKey = null;
    }
    if (outcome.failure?.code === 'cancelled') record.weakCrypto = target.weakCrypto;
    const jump = this.jumpKeys(target, outcome);
    if (jump && target.jump !== jumpWithKeys(jump, jump.knownHostKey, jump.offeredHostKey)) {
      record.jump = jumpWithKeys(jump, jump.knownHostKey, jump.offeredHostKey);
    }

    let change: { versionId: number; previousVersionId: number; added: number; removed: number } | null =
      null;
    if (outcome.failure === null && outcome.config !== null && outcome.hash) {
      const previous = await repo.backup.latestVersion(device.id);
      const before = previous ? await unzipConfig(previous.content) : '';
      const { added, removed } = lineChanges(before, outcome.config);
      const versionId = await repo.backup.addVersion({
        deviceId: device.id,
        takenAt: at,
        hash: outcome.hash,
        bytes: outcome.bytes,
        linesAdded: added,
        linesRemoved: removed,
        content: await gzipAsync(outcome.config),
      });
      record.currentHash = outcome.hash;
      if (previous) change = { versionId, previousVersionId: previous.id, added, removed };
      await this.exportVersion(device, outcome.config, at, settings);
    }
    await repo.backup.recordRuns([record]);

    const plan = planBackupAlarms({
      deviceId: device.id,
      deviceName: device.name,
      failure: outcome.failure,
      knownHostKey: record.knownHostKey ?? target.knownHostKey,
      offeredHostKey: offered,
      jump,
      change,
    });
    for (const alarm of plan.raise) await alarms.raise(alarm, at);
    for (const type of plan.clear) {
      await alarms.clear(
        { source: 'backup', type, subject: { deviceId: device.id, towerId: null, ref: null } },
        at,
      );
    }
    if (outcome.failure) return 'failed';
    return record.currentHash !== undefined ? 'changed' : 'same';
  }

  /** The jump host's keys after this run: trusted on first use, a different one held for the operator. */
  private jumpKeys(target: StoredBackupTarget, outcome: BackupOutcome): StoredJump | null {
    const jump = jumpOf(target);
    if (!jump || !outcome.jumpHostKey) return jump;
    if (outcome.failure?.code === 'jump_host_key_changed')
      return { ...jump, offeredHostKey: outcome.jumpHostKey };
    if (jump.knownHostKey === null)
      return { ...jump, knownHostKey: outcome.jumpHostKey, offeredHostKey: null };
    return outcome.jumpHostKey === jump.knownHostKey ? { ...jump, offeredHostKey: null } : jump;
  }

  private async exportVersion(
    device: { id: number; name: string },
    config: string,
    at: number,
    settings: BackupSettings,
  ): Promise<void> {
    const { enabled, dir } = settings.gitExport;
    if (!enabled || !dir || !this.deps.exportTo) return;
    if (this.exporter?.dir !== dir) this.exporter = { dir, target: this.deps.exportTo(dir) };
    try {
      await this.exporter.target.write(device, config, at);
    } catch (error) {
      // The version is stored either way; the export's failure is the export's.
      this.log(`backup: git export of ${device.name} failed: ${(error as Error).message}`);
    }
  }
}
