import { describe, expect, it } from 'vitest';
import { planBackupAlarms, type BackupAlarmInput } from '../../../../../shared/domain/backup/alarms';

const base: BackupAlarmInput = {
  deviceId: 4,
  deviceName: 'borda-01',
  failure: null,
  knownHostKey: 'SHA256:old',
  offeredHostKey: null,
  jump: null,
  change: null,
};
const subject = { deviceId: 4, towerId: null, ref: null };

describe('backup alarm decisions', () => {
  it('clears everything after an unchanged success', () => {
    expect(planBackupAlarms(base)).toEqual({
      raise: [],
      clear: ['host-key-changed', 'jump-host-key-changed', 'failed', 'config-changed'],
    });
  });

  it('raises "configuration changed" with the diff size and its link', () => {
    expect(
      planBackupAlarms({ ...base, change: { versionId: 9, previousVersionId: 7, added: 3, removed: 1 } }),
    ).toEqual({
      raise: [
        {
          source: 'backup',
          type: 'config-changed',
          subject,
          severity: 'warning',
          params: {
            device: 'borda-01',
            added: 3,
            removed: 1,
            versionId: 9,
            link: '#/backups?device=4&from=7&to=9',
          },
        },
      ],
      clear: ['host-key-changed', 'jump-host-key-changed', 'failed'],
    });
  });

  it('raises "failed" with the reason and keeps the change alarm as it is', () => {
    expect(
      planBackupAlarms({ ...base, failure: { code: 'truncated', detail: 'transport input ssh' } }),
    ).toEqual({
      raise: [
        {
          source: 'backup',
          type: 'failed',
          subject,
          severity: 'minor',
          params: { device: 'borda-01', code: 'truncated', detail: 'transport input ssh' },
        },
      ],
      clear: ['host-key-changed', 'jump-host-key-changed'],
    });
  });

  it('raises a major alarm for a changed host key instead of a plain failure', () => {
    expect(
      planBackupAlarms({
        ...base,
        failure: { code: 'host_key_changed', detail: 'SHA256:old → SHA256:new' },
        offeredHostKey: 'SHA256:new',
      }),
    ).toEqual({
      raise: [
        {
          source: 'backup',
          type: 'host-key-changed',
          subject,
          severity: 'major',
          params: { device: 'borda-01', trusted: 'SHA256:old', shown: 'SHA256:new' },
        },
      ],
      clear: ['jump-host-key-changed'],
    });
  });

  it("raises the jump host's changed key as its own alarm, naming the jump host", () => {
    expect(
      planBackupAlarms({
        ...base,
        failure: { code: 'jump_host_key_changed', detail: 'bastion: SHA256:j1 → SHA256:j2' },
        jump: { host: 'bastion', knownHostKey: 'SHA256:j1', offeredHostKey: 'SHA256:j2' },
      }),
    ).toEqual({
      raise: [
        {
          source: 'backup',
          type: 'jump-host-key-changed',
          subject,
          severity: 'major',
          params: { device: 'borda-01', host: 'bastion', trusted: 'SHA256:j1', shown: 'SHA256:j2' },
        },
      ],
      clear: ['host-key-changed'],
    });
  });

  it('changes nothing for a cancelled run', () => {
    expect(planBackupAlarms({ ...base, failure: { code: 'cancelled', detail: '' } })).toEqual({
      raise: [],
      clear: [],
    });
  });
});
