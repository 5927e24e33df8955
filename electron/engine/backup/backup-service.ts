import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { BackupSettings, type BackupRunProgress } from '../../../shared/contract/backup';
import type { BackupOutcome } from '../../../shared/contract/backup-worker';
import type { BackupPartProgress } from '../../../shared/contract/duty-requests';
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

/** What became of one device of a run: stored (changed or not), failed, or taken out of the run. */
type DeviceEnd = 'changed' | 'same' | 'failed' | 'withdrawn';

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
  /** The parts of the run that follow their devices (runPart). */
  private readonly partListeners = new Set<(deviceId: number, end: DeviceEnd) => void>();

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
    this.enqueue(await this.wanted(deviceIds));
    return this.progress()!;
  }

  /**
   * Backs these devices up as one part of the run (joining the run going on), reporting their
   * progress as each is stored; resolves when every one is done or withdrawn (`signal`: the part
   * is cancelled — what waits is withdrawn, what runs is aborted in the worker).
   */
  async runPart(
    deviceIds: number[],
    report: (progress: BackupPartProgress) => void,
    signal: AbortSignal,
  ): Promise<BackupPartProgress> {
    const wanted = await this.wanted(deviceIds);
    // From here to the listener nothing yields: no device of the part can end unseen.
    const pending = new Set(this.enqueue(wanted));
    const part: BackupPartProgress = {
      total: pending.size,
      done: 0,
      failed: 0,
      changed: 0,
      cancelled: false,
      finished: false,
    };
    return new Promise((resolve) => {
      const finish = () => {
        this.partListeners.delete(listener);
        signal.removeEventListener('abort', cancel);
        part.finished = true;
        report({ ...part });
        resolve({ ...part });
      };
      const listener = (deviceId: number, end: DeviceEnd) => {
        if (!pending.delete(deviceId)) return;
        if (end === 'withdrawn') part.cancelled = true;
        else {
          part.done++;
          if (end === 'failed') part.failed++;
          if (end === 'changed') part.changed++;
        }
        if (pending.size === 0) finish();
        else report({ ...part });
      };
      const cancel = () => void this.withdraw([...pending]);
      this.partListeners.add(listener);
      signal.addEventListener('abort', cancel, { once: true });
      if (pending.size === 0) finish();
      else report({ ...part });
      if (signal.aborted) cancel();
    });
  }

  /** The devices of a run asked for (every enabled target when null) that are backed up here. */
  private async wanted(deviceIds: number[] | null): Promise<number[]> {
    const handles = this.deps.handles ?? (() => true);
    const targets = (await this.deps.repo.backup.targets()).filter((target) => handles(target.deviceId));
    return deviceIds
      ? targets.filter((target) => deviceIds.includes(target.deviceId)).map((target) => target.deviceId)
      : targets.filter((target) => target.enabled).map((target) => target.deviceId);
  }

  /** Puts the devices into the run (starting one when none goes on); returns those now in it. */
  private enqueue(wanted: number[]): number[] {
    if (this.run && this.run.finishedAt === null) {
      const queued = new Set(this.run.queue);
      const fresh = wanted.filter((id) => !queued.has(id) && !this.active.has(id));
      this.run.queue.push(...fresh);
      this.run.total += fresh.length;
      return wanted;
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
    return wanted;
  }

  /** Takes these devices out of the run: those waiting leave it, those running are aborted. */
  private async withdraw(deviceIds: number[]): Promise<void> {
    const run = this.run;
    if (!run || run.finishedAt !== null) return;
    const leaving = new Set(deviceIds);
    const waiting = run.queue.filter((id) => leaving.has(id));
    run.queue = run.queue.filter((id) => !leaving.has(id));
    run.total -= waiting.length;
    for (const id of waiting) this.ended(id, 'withdrawn');
    await this.deps.transport.cancel(deviceIds.filter((id) => this.active.has(id)));
  }

  private ended(deviceId: number, end: DeviceEnd): void {
    for (const listener of this.partListeners) listener(deviceId, end);
  }

  /** Stops the run: nothing new starts, and the jobs in flight are aborted in the worker. */
  async cancel(): Promise<BackupRunProgress | null> {
    const run = this.run;
    if (!run || run.finishedAt !== null) return this.progress();
    run.cancelled = true;
    const waiting = run.queue.splice(0);
    for (const id of waiting) this.ended(id, 'withdrawn');
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
    let end: DeviceEnd = 'failed';
    try {
      const stored = await result;
      // Cancelled while it waited in the worker: no result to count, but its part must hear it ended.
      if (stored === 'not-started') {
        end = 'withdrawn';
        return;
      }
      end = stored;
      run.done++;
      if (end === 'failed') run.failed++;
      if (end === 'changed') run.changed++;
    } catch (error) {
      run.done++;
      run.failed++;
      this.log(`backup of device ${deviceId}: ${(error as Error).message}`);
    } finally {
      this.active.delete(deviceId);
      this.ended(deviceId, end);
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
