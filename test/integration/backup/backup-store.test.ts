import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../../electron/engine/store/repository';
import { storeDialects } from '../../helpers/store-dialects';

const subjects = storeDialects('backup-store');

describe.each(subjects)('backup store on $name', (subject) => {
  let repo: Repository;
  beforeAll(async () => {
    repo = await subject.open();
  });
  afterAll(async () => {
    await repo.close();
  });

  it('keeps targets, run outcomes and compressed versions, and prunes all but the newest', async () => {
    const device = await repo.devices.create({ name: 'borda', host: '127.0.0.9', kind: 'router' });
    await repo.backup.saveTarget({
      deviceId: device.id,
      enabled: true,
      profile: 'cisco-ios',
      genericProfile: null,
      port: 22,
      username: 'noc',
      authKind: 'password',
      sealedSecrets: 'v1:sealed',
      boundHost: device.host,
      jump: null,
      legacyCrypto: true,
      maskSecrets: false,
      schedule: '0 3 * * *',
    });
    await repo.backup.recordRuns([
      {
        deviceId: device.id,
        at: 1_000,
        ok: true,
        failureCode: null,
        failureDetail: null,
        durationMs: 1_200,
        weakCrypto: 'ssh-rsa,aes128-cbc',
        knownHostKey: 'SHA256:abc',
        currentHash: 'h1',
      },
    ]);
    const content = gzipSync('hostname borda\nend\n');
    for (const [takenAt, hash] of [
      [1_000, 'h1'],
      [2_000, 'h2'],
      [3_000, 'h3'],
    ] as const) {
      await repo.backup.addVersion({
        deviceId: device.id,
        takenAt,
        hash,
        bytes: 19,
        linesAdded: 2,
        linesRemoved: 0,
        content,
      });
    }
    expect(await repo.backup.target(device.id)).toMatchObject({
      lastOkAt: 1_000,
      weakCrypto: 'ssh-rsa,aes128-cbc',
      knownHostKey: 'SHA256:abc',
      currentHash: 'h1',
      legacyCrypto: true,
    });
    const latest = await repo.backup.latestVersion(device.id);
    expect(latest?.hash).toBe('h3');
    expect(Buffer.from(latest!.content).equals(content)).toBe(true);
    expect(await repo.backup.versionStats()).toEqual([{ deviceId: device.id, versions: 3, lastAt: 3_000 }]);
    expect(await repo.backup.storedBytes()).toBe(content.length * 3);
    expect(await repo.backup.prune(2, 0)).toBe(1);
    expect(await repo.backup.prune(10, 2_500)).toBe(1);
    expect((await repo.backup.versions(device.id)).map((version) => version.hash)).toEqual(['h3']);
    await repo.devices.delete(device.id);
    expect(await repo.backup.targets()).toEqual([]);
  });
});
