import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import {
  BackupProfileId,
  type backupApiMethods,
  type BackupCounts,
  type BackupRow,
  type BackupVersionInfo,
} from '../../../shared/contract/backup';
import { BackupFailureCode } from '../../../shared/contract/backup-worker';
import { invalidInput, notFound } from '../../../shared/contract/api-failure';
import type { StoredBackupVersion } from '../store/repo/backup';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import { BACKUP_SETTINGS_KEY, unzipConfig, type BackupService } from './backup-service';
import type { BackupRuns } from './backup-runs';
import { configHunks, lineChanges } from './config-diff';
import { isValidSchedule } from './schedule';
import { jumpOf, jumpWithKeys, targetSummary, targetToStore } from './target-secrets';

type BackupMethod = keyof typeof backupApiMethods;
export type BackupApiHandlers = Pick<ApiHandlers, BackupMethod>;

const DAY_MS = 86_400_000;

const versionInfo = (version: StoredBackupVersion): BackupVersionInfo => ({
  id: version.id,
  deviceId: version.deviceId,
  takenAt: version.takenAt,
  hash: version.hash,
  bytes: version.bytes,
  linesAdded: version.linesAdded,
  linesRemoved: version.linesRemoved,
});

function checkSchedule(schedule: string | null, path: string): void {
  if (schedule !== null && !isValidSchedule(schedule)) {
    throw invalidInput(`Not a schedule: ${schedule}`, [{ path, message: 'backup.invalidSchedule' }]);
  }
}

/**
 * The backup methods of the API: settings and credentials (sealed, never returned), the Backups
 * page's overview, versions and diffs, and runs in the background with progress and cancel.
 */
export function backupApiHandlers(deps: {
  repo: Repository;
  cipher: SecretCipher;
  service: BackupService;
  /** The runs operators start, carried to each poller group's leader. */
  runs: BackupRuns;
  now?: () => number;
}): BackupApiHandlers {
  const { repo, cipher, service, runs } = deps;
  const now = deps.now ?? Date.now;
  const audit = (by: string, action: string, deviceId: number | null, details: string) =>
    repo.audit.add({
      at: now(),
      actor: by,
      action,
      target: deviceId ? `device:${deviceId}` : 'backup',
      details,
    });
  const targetOf = async (deviceId: number) => {
    const target = await repo.backup.target(deviceId);
    if (!target) throw notFound(`Device ${deviceId} has no backup settings.`);
    return target;
  };
  const hostOf = async (deviceId: number) => {
    const device = await repo.devices.get(deviceId);
    if (!device) throw notFound(`Device ${deviceId} does not exist.`);
    return device.host;
  };
  const versionOf = async (id: number) => {
    const version = await repo.backup.version(id);
    if (!version) throw notFound(`Backup version ${id} does not exist.`);
    return version;
  };

  return {
    'backup.settings.get': () => service.settings(),
    'backup.settings.set': async ({ settings }, { name: by }) => {
      checkSchedule(settings.defaultSchedule, 'defaultSchedule');
      for (const [tower, schedule] of Object.entries(settings.towerSchedules)) {
        checkSchedule(schedule, `towerSchedules.${tower}`);
      }
      await repo.settings.set(BACKUP_SETTINGS_KEY, settings);
      await audit(
        by,
        'backup.settings.set',
        null,
        `parallelism ${settings.parallelism}, default ${settings.defaultSchedule}`,
      );
      return service.settings();
    },
    'backup.target.get': async ({ deviceId }) => {
      const target = await repo.backup.target(deviceId);
      return target ? targetSummary(target, cipher) : null;
    },
    'backup.target.set': async ({ target }, { name: by }) => {
      checkSchedule(target.schedule, 'schedule');
      const host = await hostOf(target.deviceId);
      const existing = await repo.backup.target(target.deviceId);
      await repo.backup.saveTarget(await targetToStore(target, existing, host, cipher));
      await audit(
        by,
        'backup.target.set',
        target.deviceId,
        `${target.profile}, ${target.username}@${host}:${target.port}`,
      );
      return targetSummary((await repo.backup.target(target.deviceId))!, cipher);
    },
    'backup.target.delete': async ({ deviceId }, { name: by }) => {
      await repo.backup.deleteTarget(deviceId);
      await audit(by, 'backup.target.delete', deviceId, '');
    },
    'backup.target.confirmAddress': async ({ deviceId }, { name: by }) => {
      const target = await targetOf(deviceId);
      const host = await hostOf(deviceId);
      await repo.backup.saveTarget({ ...target, boundHost: host });
      await audit(by, 'backup.target.confirmAddress', deviceId, `${target.boundHost} → ${host}`);
      return targetSummary((await repo.backup.target(deviceId))!, cipher);
    },
    'backup.hostKey.trust': async ({ deviceId }, { name: by }) => {
      const target = await targetOf(deviceId);
      const jump = jumpOf(target);
      if (!target.offeredHostKey && !jump?.offeredHostKey)
        throw invalidInput('No new host key is waiting for this device.');
      const trusted: string[] = [];
      if (target.offeredHostKey) {
        await repo.backup.setHostKeys(deviceId, target.offeredHostKey, null);
        trusted.push(`${target.knownHostKey ?? '—'} → ${target.offeredHostKey}`);
      }
      if (jump?.offeredHostKey) {
        await repo.backup.setJump(deviceId, jumpWithKeys(jump, jump.offeredHostKey, null));
        trusted.push(`${jump.host}: ${jump.knownHostKey ?? '—'} → ${jump.offeredHostKey}`);
      }
      await audit(by, 'backup.hostKey.trust', deviceId, trusted.join('; '));
      return targetSummary((await repo.backup.target(deviceId))!, cipher);
    },
    'backup.overview': async () => {
      const [targets, devices, stats] = await Promise.all([
        repo.backup.targets(),
        repo.devices.list(),
        repo.backup.versionStats(),
      ]);
      const deviceOf = new Map(devices.map((device) => [device.id, device]));
      const statsOf = new Map(stats.map((row) => [row.deviceId, row]));
      const at = now();
      const rows: BackupRow[] = [];
      const counts: BackupCounts = { configured: 0, failing: 0, stale: 0, weakCrypto: 0 };
      for (const target of targets) {
        const device = deviceOf.get(target.deviceId);
        if (!device) continue;
        const code = BackupFailureCode.safeParse(target.lastFailureCode);
        const failure = code.success ? { code: code.data, detail: target.lastFailureDetail ?? '' } : null;
        const weakCrypto = target.weakCrypto ? target.weakCrypto.split(',') : [];
        rows.push({
          deviceId: device.id,
          deviceName: device.name,
          host: device.host,
          profile: BackupProfileId.parse(target.profile),
          enabled: target.enabled,
          lastRunAt: target.lastRunAt,
          lastOkAt: target.lastOkAt,
          failure,
          versions: statsOf.get(device.id)?.versions ?? 0,
          lastChangeAt: statsOf.get(device.id)?.lastAt ?? null,
          weakCrypto,
          hostKeyPending: target.offeredHostKey !== null || jumpOf(target)?.offeredHostKey != null,
          addressChanged: target.boundHost !== device.host,
          running: runs.isRunning(device.id),
        });
        if (!target.enabled) continue;
        counts.configured++;
        if (failure) counts.failing++;
        if (target.lastOkAt === null || at - target.lastOkAt > DAY_MS) counts.stale++;
        if (weakCrypto.length > 0) counts.weakCrypto++;
      }
      rows.sort((a, b) => a.deviceName.localeCompare(b.deviceName));
      return { rows, counts };
    },
    'backup.versions': async ({ deviceId }) => (await repo.backup.versions(deviceId)).map(versionInfo),
    'backup.version': async ({ id }) => {
      const version = await versionOf(id);
      return { info: versionInfo(version), content: await unzipConfig(version.content) };
    },
    'backup.diff': async ({ fromId, toId }) => {
      const [from, to] = await Promise.all([versionOf(fromId), versionOf(toId)]);
      if (from.deviceId !== to.deviceId) throw invalidInput('Both versions must be of the same device.');
      const [before, after] = await Promise.all([unzipConfig(from.content), unzipConfig(to.content)]);
      return { ...lineChanges(before, after), hunks: configHunks(before, after) };
    },
    'backup.run': async ({ deviceIds }, { name: by }) => {
      const progress = await runs.start(deviceIds);
      await audit(
        by,
        'backup.run',
        deviceIds?.length === 1 ? deviceIds[0]! : null,
        deviceIds ? `${deviceIds.length} devices` : 'all',
      );
      return progress;
    },
    'backup.progress': async () => runs.progress(),
    'backup.cancel': async (_input, { name: by }) => {
      const progress = await runs.cancel();
      await audit(by, 'backup.cancel', null, '');
      return progress;
    },
  };
}
