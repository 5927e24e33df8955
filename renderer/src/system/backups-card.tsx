import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreBackupStatus } from '../../../shared/contract/store-backup';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError, notifyOk } from '../shared/notify';
import { translatedError } from '../synthetic/translate-error';

/** Vigia's own database backups: daily, kept N, back up now, restore (checked before it is staged). */
export function BackupsCard() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<StoreBackupStatus | null>(null);
  const [keep, setKeep] = useState<number | string>(7);
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    () =>
      void getClient()
        .invoke('storeBackup.status', undefined)
        .then((found) => {
          setStatus(found);
          setKeep(found.config.keep);
          setEnabled(found.config.enabled);
        }, notifyError),
    [],
  );
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notifyError(new Error(translatedError(t, i18n, error)));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  if (!status) return null;
  if (status.dialect === 'postgres')
    return (
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('system.backups')}
        </Text>
        <Alert color="blue" data-testid="backups-postgres">
          {t('system.postgres')}
        </Alert>
      </Card>
    );
  return (
    <Card withBorder data-testid="backups-card">
      <Stack gap="sm">
        <Text fw={600}>{t('system.backups')}</Text>
        <Text size="sm" c="dimmed">
          {t('system.backupsIntro', { folder: status.folder })}
        </Text>
        {status.restorePending && <Alert color="orange">{t('system.restorePending')}</Alert>}
        {status.lastError && (
          <Alert color="red">
            {t('system.lastBackupError', { error: t(`storeBackup.error.${status.lastError.fault}`) })}
          </Alert>
        )}
        <Group align="end">
          <Switch
            label={t('system.backupEnabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <NumberInput label={t('system.keep')} min={1} max={90} value={keep} onChange={setKeep} w={140} />
          <Button
            variant="default"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await getClient().invoke('storeBackup.config.set', {
                  config: { enabled, keep: Number(keep) },
                });
              })
            }
          >
            {t('system.saveBackupConfig')}
          </Button>
          <Button
            loading={busy}
            data-testid="backup-now"
            onClick={() =>
              void run(async () => {
                const file = await getClient().invoke('storeBackup.run', undefined);
                notifyOk(t('system.backedUp', { name: file.name }));
              })
            }
          >
            {t('system.backupNow')}
          </Button>
        </Group>
        {status.backups.length === 0 ? (
          <Text c="dimmed">{t('system.noBackups')}</Text>
        ) : (
          <Table data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('system.file')}</Table.Th>
                <Table.Th>{t('system.when')}</Table.Th>
                <Table.Th>{t('system.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.backups.map((backup) => (
                <Table.Tr key={backup.name}>
                  <Table.Td>{backup.name}</Table.Td>
                  <Table.Td>{format.dateTime(backup.at)}</Table.Td>
                  <Table.Td>{format.number(Math.round(backup.sizeBytes / 1024))} KB</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={busy}
                      onClick={() => {
                        if (!window.confirm(t('system.restoreConfirm', { name: backup.name }))) return;
                        void run(async () => {
                          await getClient().invoke('storeBackup.restore', {
                            name: backup.name,
                          });
                          notifyOk(t('system.restoreStaged'));
                        });
                      }}
                    >
                      {t('system.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
