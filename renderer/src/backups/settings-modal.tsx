import { Button, Group, Modal, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../shared/contract/backup';
import { getClient } from '../client';
import { notifyError, notifyOk } from '../shared/notify';
import { TowerSchedules } from './tower-schedules';

/** Backups at once, the default schedule and the towers' own, retention and the git export. */
export function SettingsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  useEffect(() => {
    void getClient().invoke('backup.settings.get', undefined).then(setSettings, notifyError);
  }, []);
  const save = async () => {
    if (!settings) return;
    try {
      await getClient().invoke('backup.settings.set', { settings });
      notifyOk(t('backups.settings.saved'));
      onClose();
    } catch (error) {
      notifyError(error);
    }
  };
  const retention = (patch: Partial<BackupSettings['retention']>) =>
    settings && setSettings({ ...settings, retention: { ...settings.retention, ...patch } });
  const git = (patch: Partial<BackupSettings['gitExport']>) =>
    settings && setSettings({ ...settings, gitExport: { ...settings.gitExport, ...patch } });
  return (
    <Modal opened onClose={onClose} title={t('backups.settings.title')}>
      {settings && (
        <Stack>
          <NumberInput
            label={t('backups.settings.parallelism')}
            min={1}
            max={500}
            value={settings.parallelism}
            onChange={(value) => setSettings({ ...settings, parallelism: Number(value) || 1 })}
            data-testid="backup-settings-parallelism"
          />
          <TextInput
            label={t('backups.settings.defaultSchedule')}
            description={t('backups.form.scheduleHint')}
            value={settings.defaultSchedule}
            onChange={(e) => setSettings({ ...settings, defaultSchedule: e.currentTarget.value })}
          />
          <TowerSchedules
            value={settings.towerSchedules}
            defaultSchedule={settings.defaultSchedule}
            onChange={(towerSchedules) => setSettings({ ...settings, towerSchedules })}
          />
          <Group grow>
            <NumberInput
              label={t('backups.settings.keepVersions')}
              min={1}
              max={10_000}
              value={settings.retention.keepVersions}
              onChange={(value) => retention({ keepVersions: Number(value) || 1 })}
            />
            <NumberInput
              label={t('backups.settings.keepDays')}
              min={1}
              max={3_650}
              value={settings.retention.keepDays}
              onChange={(value) => retention({ keepDays: Number(value) || 1 })}
            />
          </Group>
          <Switch
            label={t('backups.settings.gitExport')}
            checked={settings.gitExport.enabled}
            onChange={(e) => git({ enabled: e.currentTarget.checked })}
          />
          {settings.gitExport.enabled && (
            <TextInput
              label={t('backups.settings.gitDir')}
              value={settings.gitExport.dir}
              onChange={(e) => git({ dir: e.currentTarget.value })}
            />
          )}
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="backup-settings-save">
              {t('backups.form.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
